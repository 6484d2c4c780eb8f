import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { byKey, type KitContext } from 'subgraph-kit';
import { Organization } from '../entities/organization.entity.js';

export function loadOrganization(ctx: KitContext, id: string): Promise<Organization | null> {
  return ctx.loaders
    .get<string, Organization | null>('organization:byId', async (ids) => {
      const rows = await ctx.em.find(Organization, { id: { $in: [...ids] } });
      return byKey(ids as string[], rows, (o) => o.id);
    })
    .load(id);
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return loadOrganization(ctx, id);
  }

  @Query(() => Organization, { nullable: true })
  organizationByCode(@Arg('code', () => String) code: string, @Ctx() ctx: KitContext) {
    return ctx.em.findOne(Organization, { code });
  }

  @FieldResolver(() => Organization, { nullable: true })
  parent(@Root() org: Organization, @Ctx() ctx: KitContext) {
    return org.parent ? loadOrganization(ctx, org.parent.id) : null;
  }
}
