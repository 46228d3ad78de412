import { ObjectType } from './objectType';
import { ENTITY_TYPES } from '../../model';
import { Entity } from './entity.type';
import { Node } from './node.type';

@ObjectType('Person', { implements: [Node, Entity], description: ENTITY_TYPES.Person.description })
export class Person extends Entity {}
