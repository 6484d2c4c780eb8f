import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, conflict, forbidden, hasRole, notFound, openTransaction, type KitContext } from 'subgraph-kit';
import { checkBlockCode } from 'subgraph-kit/codes';
import { isCityCommitteeKind } from 'shared-rules';
import { CriteriaSet } from '../entities/criteria-set.entity.js';
import { CriteriaSetStatus } from '../entities/enums.js';
import { OrganizationRef, organizationRef } from '../entities/refs.js';
import { IndexBandView, ReformAreaView } from '../views/shapes.js';
import { CriteriaSetInput } from '../inputs/criteria-set.input.js';
import { CriteriaSetError, validateCriteriaSet } from '../rules/criteria-set.js';
import { isAdministrator, requireAdministrator } from '../access.js';
import { fetchCityCommittee, fetchOrganization } from '../reads.js';
import { areaViews, bandViews } from '../views/build.js';

/** Kinds of organization that run a block: the city committee, or a department, city agency or district for its own units. */
const OWNER_KINDS = ['CITY_COMMITTEE', 'DEPARTMENT', 'CITY_AGENCY', 'DISTRICT_COMMITTEE'];

/** Drafts are the administrator's working copies; active sets are public regulation. */
const canSee = async (ctx: KitContext, set: CriteriaSet) => set.status === CriteriaSetStatus.ACTIVE || hasRole(ctx.caller, 'HOME_AFFAIRS') || isAdministrator(ctx, set);

@Resolver(() => CriteriaSet)
export class CriteriaSetResolver {
  @Query(() => CriteriaSet, { nullable: true })
  async criteriaSet(@Arg('year', () => Int) year: number, @Arg('block', () => String) block: string, @Ctx() ctx: KitContext) {
    checkBlockCode(block, 'block');
    const set = await ctx.em.findOne(CriteriaSet, { year, block });
    return set && (await canSee(ctx, set)) ? set : null;
  }

  @Query(() => [CriteriaSet], { description: 'The blocks of a year.' })
  async criteriaSets(@Arg('year', () => Int) year: number, @Ctx() ctx: KitContext) {
    const sets = await ctx.em.find(CriteriaSet, { year }, { orderBy: { block: 'asc' } });
    const visible = await Promise.all(sets.map((s) => canSee(ctx, s)));
    return sets.filter((_, i) => visible[i]);
  }

  @FieldResolver(() => OrganizationRef, { description: 'Who runs this block: the city committee, or a department/district for its own units.' })
  owner(@Root() set: CriteriaSet) {
    return organizationRef(set.ownerId);
  }

  @FieldResolver(() => [ReformAreaView])
  areas(@Root() set: CriteriaSet) {
    return areaViews(set);
  }

  @FieldResolver(() => [IndexBandView], { description: 'Classification of index values in this block, highest first.' })
  bands(@Root() set: CriteriaSet) {
    return bandViews(set);
  }

  @Authorized()
  @Mutation(() => CriteriaSet, { description: "The block's administrator; points must add up; ownerId defaults to the city committee." })
  async defineCriteriaSet(@Arg('input', () => CriteriaSetInput) input: CriteriaSetInput, @Ctx() ctx: KitContext) {
    // Only Home Affairs or an organization's head can ever administer a block: refuse others before any lookup.
    if (!hasRole(ctx.caller, 'HOME_AFFAIRS', 'ORG_HEAD')) throw forbidden();
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('input.year', 'must be a year between 2000 and 2100');
    const block = checkBlockCode((input.block ?? '').trim(), 'input.block');
    const owner = input.ownerId ? await fetchOrganization(ctx, input.ownerId, 'input.ownerId') : await fetchCityCommittee(ctx, 'input.ownerId');
    if (!OWNER_KINDS.includes(owner.kind)) throw badInput('input.ownerId', 'a block is run by the city committee, or by a department, city agency or district for its own units');
    const ownership = { ownerId: owner.id, ownedByCity: isCityCommitteeKind(owner.kind) };
    await requireAdministrator(ctx, ownership);
    if (ownership.ownedByCity) {
      if (block.includes('/')) throw badInput('input.block', "a city block's code has no \"/\"; that prefix marks a department's or district's own block");
    } else if (!block.startsWith(`${owner.code}/`) || block.length === owner.code.length + 1) {
      throw badInput('input.block', `a block run by ${owner.code} is coded ${owner.code}/<name>`);
    }
    let tree: ReturnType<typeof validateCriteriaSet>;
    try {
      tree = validateCriteriaSet(input.areas, input.bands);
    } catch (error) {
      if (error instanceof CriteriaSetError) throw badInput(error.field, error.reason);
      throw error;
    }
    const name = input.name.trim();
    if (!name) throw badInput('input.name', 'must not be empty');

    const existing = await ctx.em.findOne(CriteriaSet, { year: input.year, block });
    if (existing) {
      if (existing.status !== CriteriaSetStatus.DRAFT) throw conflict(`The ${input.year} criteria set of ${block} is active and frozen`, { field: 'input.block' });
      await requireAdministrator(ctx, existing);
    }
    await openTransaction(ctx);
    if (existing) {
      Object.assign(existing, { ownerId: owner.id, ownerKind: owner.kind, ownerCode: owner.code, name, legalBasis: input.legalBasis ?? null, areaTree: tree.areas, bandList: tree.bands, maxHundredths: tree.maxHundredths });
      return existing;
    }
    const set = ctx.em.create(CriteriaSet, {
      year: input.year, block, ownerId: owner.id, ownerKind: owner.kind, ownerCode: owner.code, name, legalBasis: input.legalBasis ?? null,
      areaTree: tree.areas, bandList: tree.bands, maxHundredths: tree.maxHundredths,
    });
    ctx.em.persist(set);
    return set;
  }

  @Authorized()
  @Mutation(() => CriteriaSet, { description: "The block's administrator; frozen afterwards." })
  async activateCriteriaSet(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    const set = await ctx.em.findOne(CriteriaSet, { id });
    if (!set) throw notFound('CriteriaSet', id, 'id');
    await requireAdministrator(ctx, set);
    await openTransaction(ctx);
    if (set.status !== CriteriaSetStatus.DRAFT) throw conflict(`The criteria set ${set.year} ${set.block} is already active`);
    set.status = CriteriaSetStatus.ACTIVE;
    set.activatedAt = new Date();
    return set;
  }
}
