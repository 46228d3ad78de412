import { ObjectType } from './objectType';
import { ENTITY_TYPES } from '../../model';
import { Entity } from './entity.type';
import { Node } from './node.type';

@ObjectType('Organization', { implements: [Node, Entity], description: ENTITY_TYPES.Organization.description })
export class Organization extends Entity {}
