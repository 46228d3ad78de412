import { ObjectType } from './objectType';
import { ENTITY_TYPES } from '../../model';
import { Entity } from './entity.type';
import { Node } from './node.type';

@ObjectType('Place', { implements: [Node, Entity], description: ENTITY_TYPES.Place.description })
export class Place extends Entity {}
