import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { audit, badInput, conflict, type KitContext } from 'subgraph-kit';
import { Organization } from '../entities/organization.entity.js';
import { CreateOrganizationInput } from '../inputs/create-organization.input.js';
import { searchTextOf } from '../rules/search-text.js';

@Resolver(() => Organization)
export class OrganizationMutationResolver {
  @Authorized('HOME_AFFAIRS')
  @Mutation(() => Organization)
  async createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: KitContext) {
    const code = input.code.trim();
    if (!code) throw badInput('input.code', 'must not be empty');
    if (await ctx.em.count(Organization, { code })) throw conflict(`input.code: an organization with code ${code} already exists`, { field: 'input.code' });
    let parent: Organization | null = null;
    if (input.parentId) {
      parent = await ctx.em.findOne(Organization, { id: input.parentId });
      if (!parent) throw badInput('input.parentId', `no organization has id ${input.parentId}`);
    }
    const org = ctx.em.create(Organization, {
      code,
      name: input.name.trim(),
      shortName: input.shortName ?? null,
      kind: input.kind,
      parent,
      validFrom: input.validFrom,
      advisesOn: input.advisesOn ?? [],
      searchText: searchTextOf({ code, name: input.name, shortName: input.shortName }),
    });
    ctx.em.persist(org);
    audit(ctx, 'Organization', org.id, null, org);
    return org;
  }
}
