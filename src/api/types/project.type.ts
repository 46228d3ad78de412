import { ObjectType } from './objectType';
import { ENTITY_TYPES } from '../../model';
import { Entity } from './entity.type';
import { Node } from './node.type';

@ObjectType('Project', { implements: [Node, Entity], description: ENTITY_TYPES.Project.description })
export class Project extends Entity {}
