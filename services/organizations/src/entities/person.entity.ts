import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** Someone who heads, or headed, an organization. Names are public (docs/architecture.md: heads' names, titles, periods). */
@Entity({ tableName: 'person' })
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class Person {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text' })
  @Field(() => String)
  fullName!: string;
}
