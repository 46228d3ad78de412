import { ObjectType } from './objectType';
import { ENTITY_TYPES } from '../../model';
import { Entity } from './entity.type';
import { Node } from './node.type';

@ObjectType('Village', { implements: [Node, Entity], description: ENTITY_TYPES.Village.description })
export class Village extends Entity {}
