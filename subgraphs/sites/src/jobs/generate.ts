import { randomUUID } from 'node:crypto';
import { badUserInput, ErrorCode, UserError } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Site,
  SiteFile,
  type GenerationStep,
  type SitePlan,
  SiteVersion,
  type StoredRepair,
} from '../entities';
import type { SitesRuntime } from '../runtime';
import { recordGenerated, recordGenerationFailed } from '../service/events';
import { type Progress, recordProgress } from '../service/progress';
import { checkPage, checkStylesheet } from '../service/site-checks';
import { packageVersion } from './package';
import { normalizePlan } from './plan';
import {
  brief,
  PAGE_INSTRUCTIONS,
  PAGE_SCHEMA,
  pageInput,
  PLAN_INSTRUCTIONS,
  planSchema,
  STYLES_INSTRUCTIONS,
  STYLES_SCHEMA,
} from './prompts';
import { JobStopped } from './worker';

const MAX_PAGE_TOKENS = 6000;

/**
 * One claimed generation, step by step. Each step's output is stored as soon as it is made,
 * under the version's row lock and only while this worker holds the lease, so a job that
 * resumes (after its worker died) skips what is stored and a worker that lost its lease
 * writes nothing more.
 */
export class Generation {
  constructor(
    private readonly runtime: SitesRuntime,
    private readonly workerId: string,
    private readonly site: Site,
    private version: SiteVersion,
    private readonly signal: AbortSignal,
  ) {}

  async run(resumed: boolean): Promise<void> {
    const { version } = this;
    if (resumed) await this.progress({ step: version.step, status: 'RUNNING', message: 'Resumed' });
    const stored = await this.storedFiles();
    if (version.kind === 'SITE') {
      const plan = version.plan ?? (await this.plan());
      if (!stored.has('styles.css')) await this.styles(plan);
      await this.images(plan, stored);
      await this.pages(
        plan,
        plan.pages.map((page) => page.path).filter((path) => !stored.has(path)),
      );
    } else {
      const plan = version.plan ?? (await this.carryOver());
      if (!stored.has(version.pagePath!)) await this.pages(plan, [version.pagePath!]);
    }
    await this.package();
  }

  /** Ends the version FAILED (or CANCELLED), keeping what was made; tells analytics. */
  async fail(error: unknown): Promise<void> {
    const cancelled = error instanceof JobStopped && error.reason === 'cancelled';
    const message = cancelled ? 'Cancelled' : failureMessage(error);
    await this.write(async (tx, version) => {
      version.status = cancelled ? 'CANCELLED' : 'FAILED';
      version.error = cancelled ? null : message;
      version.completedAt = new Date();
      version.leaseOwner = null;
      await recordProgress(tx, this.runtime, version, {
        step: version.step,
        status: version.status,
        message,
      });
      if (!cancelled) recordGenerationFailed(tx, version, message);
    }, true);
  }

  private async plan(): Promise<SitePlan> {
    const { options } = this.site;
    await this.startStep('PLAN', 1, 'Planning the pages');
    const answer = await this.ask(
      PLAN_INSTRUCTIONS(options.pages, options.images),
      brief(this.site, this.version.instructions),
      planSchema(options.pages, options.images),
      2000,
    );
    const plan = normalizePlan(answer.value, { ...options, title: this.site.name });
    await this.write(async (tx, version) => {
      // Until the user names the site, the plan's title does.
      const renamed = await tx.nativeUpdate(
        Site,
        { id: version.siteId, named: false },
        { name: plan.title.slice(0, 120) },
      );
      if (renamed) this.site.name = plan.title.slice(0, 120);
      version.plan = plan;
      version.tokens += answer.tokens;
      version.simulated ||= answer.simulated;
      await recordProgress(tx, this.runtime, version, {
        step: 'PLAN',
        status: 'RUNNING',
        done: 1,
        total: 1,
        message: `Planned ${plan.pages.length} page(s) and ${plan.images.length} image(s)`,
      });
    });
    return plan;
  }

  private async styles(plan: SitePlan): Promise<void> {
    await this.startStep('STYLES', 1, 'Writing the stylesheet');
    const answer = await this.ask(
      STYLES_INSTRUCTIONS,
      `${brief(this.site, this.version.instructions)}\nSite title: ${plan.title}. ${plan.description}`,
      STYLES_SCHEMA,
      3000,
    );
    const css = typeof answer.value.css === 'string' ? answer.value.css : '';
    const checked = checkStylesheet(css);
    await this.write(async (tx, version) => {
      tx.create(SiteFile, {
        versionId: version.id,
        path: 'styles.css',
        kind: 'STYLESHEET',
        content: checked.css,
        bytes: Buffer.byteLength(checked.css),
      });
      this.addRepairs(version, checked.repairs);
      version.tokens += answer.tokens;
      version.simulated ||= answer.simulated;
      await recordProgress(tx, this.runtime, version, {
        step: 'STYLES',
        status: 'RUNNING',
        done: 1,
        total: 1,
        message: 'Wrote styles.css',
      });
    });
  }

  private async images(plan: SitePlan, stored: Set<string>): Promise<void> {
    if (!plan.images.length) return;
    const total = plan.images.length;
    let done = plan.images.filter((image) => stored.has(image.path)).length;
    await this.startStep('IMAGES', total, `Drawing ${total} image(s)`, done);
    for (const image of plan.images.filter((each) => !stored.has(each.path))) {
      let made;
      try {
        made = await this.runtime.model.image({
          userId: this.version.ownerId,
          key: `${this.version.id}:${image.path}`,
          prompt: image.prompt,
          signal: this.signal,
        });
      } catch (error) {
        // Out of images for the period: the site is made without this one (its <img> removed).
        if (!(error instanceof UserError && error.extensions.code === ErrorCode.QuotaExceeded)) throw error;
        done += 1;
        await this.progress({
          step: 'IMAGES',
          status: 'RUNNING',
          done,
          total,
          message: `Skipped ${image.path}: ${error.message}`,
        });
        continue;
      }
      done += 1;
      await this.write(async (tx, version) => {
        tx.create(SiteFile, {
          versionId: version.id,
          path: image.path,
          kind: 'IMAGE',
          storageKey: made.storageKey,
          bytes: made.size,
        });
        version.simulated ||= made.simulated;
        await recordProgress(tx, this.runtime, version, {
          step: 'IMAGES',
          status: 'RUNNING',
          done,
          total,
          message: `Drew ${image.path}`,
        });
      });
    }
  }

  private async pages(plan: SitePlan, paths: string[]): Promise<void> {
    const total = this.version.kind === 'PAGE' ? 1 : plan.pages.length;
    let done = total - paths.length;
    await this.startStep('PAGES', total, `Writing ${paths.length} page(s)`, done);
    const images = [...(await this.storedFiles('IMAGE'))];
    for (const path of paths) {
      const answer = await this.ask(
        PAGE_INSTRUCTIONS,
        pageInput(this.site, plan, path, this.version.instructions),
        PAGE_SCHEMA,
        MAX_PAGE_TOKENS,
      );
      const planned = plan.pages.find((page) => page.path === path)!;
      const title =
        typeof answer.value.title === 'string' && answer.value.title.trim()
          ? answer.value.title.trim().slice(0, 200)
          : planned.title;
      const checked = checkPage({
        path,
        title,
        html: typeof answer.value.html === 'string' ? answer.value.html : '',
        language: this.site.options.language,
        site: { pages: plan.pages.map((page) => page.path), images },
        allowScripts: this.site.options.allowScripts,
      });
      done += 1;
      await this.write(async (tx, version) => {
        tx.create(SiteFile, {
          versionId: version.id,
          path,
          kind: 'PAGE',
          title,
          content: checked.html,
          bytes: Buffer.byteLength(checked.html),
        });
        this.addRepairs(version, checked.repairs);
        version.tokens += answer.tokens;
        version.simulated ||= answer.simulated;
        await recordProgress(tx, this.runtime, version, {
          step: 'PAGES',
          status: 'RUNNING',
          done,
          total,
          message: checked.repairs.length
            ? `Wrote ${path} (${checked.repairs.length} repair(s))`
            : `Wrote ${path}`,
        });
      });
    }
  }

  /** A PAGE version starts as a copy of the version it is based on, but for the page written again. */
  private async carryOver(): Promise<SitePlan> {
    const em = this.runtime.orm.em.fork();
    const base = await em.findOne(SiteVersion, { id: this.version.basedOnId! });
    if (!base?.plan) throw badUserInput('The version this page was based on is gone', 'id');
    const files = await em.find(SiteFile, { versionId: base.id, path: { $ne: this.version.pagePath! } });
    await this.write(async (tx, version) => {
      version.plan = base.plan;
      version.simulated = base.simulated;
      for (const file of files) tx.create(SiteFile, { ...file, versionId: version.id });
      version.repairs = base.repairs.filter((repair) => repair.path !== version.pagePath);
      await recordProgress(tx, this.runtime, version, {
        step: 'PLAN',
        status: 'RUNNING',
        done: 1,
        total: 1,
        message: `Kept ${files.length} file(s) of version ${base.number}`,
      });
    });
    return base.plan;
  }

  private async package(): Promise<void> {
    await this.startStep('PACKAGE', 1, 'Packing the ZIP');
    const files = await this.runtime.orm.em.fork().find(SiteFile, { versionId: this.version.id });
    const archive = await packageVersion(this.runtime.storage, this.site, this.version, files, randomUUID());
    await this.write(async (tx, version) => {
      version.status = 'READY';
      version.archiveMediaId = archive.mediaId;
      version.completedAt = new Date();
      version.leaseOwner = null;
      await recordProgress(tx, this.runtime, version, {
        step: 'PACKAGE',
        status: 'READY',
        done: 1,
        total: 1,
        message: `Ready: ${files.length} file(s), ${archive.bytes} bytes zipped`,
      });
      recordGenerated(tx, this.site, version, files, archive);
    });
  }

  private async startStep(step: GenerationStep, total: number, message: string, done = 0): Promise<void> {
    await this.write(async (tx, version) => {
      version.step = step;
      await recordProgress(tx, this.runtime, version, { step, status: 'RUNNING', done, total, message });
    });
  }

  private async progress(progress: Progress): Promise<void> {
    await this.write(async (tx, version) => {
      await recordProgress(tx, this.runtime, version, progress);
    });
  }

  /** The model's JSON answer, parsed (INVALID_MODEL_OUTPUT when it is not one). */
  private async ask(
    instructions: string,
    input: string,
    schema: { name: string; schema: Record<string, unknown> },
    maxOutputTokens: number,
  ): Promise<{ value: Record<string, unknown>; tokens: number; simulated: boolean }> {
    this.signal.throwIfAborted();
    const answer = await this.runtime.model.answer({
      userId: this.version.ownerId,
      instructions,
      input,
      schema,
      maxOutputTokens,
      signal: this.signal,
    });
    const tokens = answer.promptTokens + answer.completionTokens;
    const refuse = (why: string) =>
      new UserError(ErrorCode.InvalidModelOutput, `The model's answer was unusable: ${why}`, {
        tokens,
      });
    if (answer.refusal) throw refuse(`it refused (${answer.refusal.slice(0, 200)})`);
    if (answer.finishReason === 'length') throw refuse('it was cut off at the output limit');
    let value: unknown;
    try {
      value = JSON.parse(answer.content ?? '');
    } catch {
      throw refuse('not JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw refuse('not a JSON object');
    return { value: value as Record<string, unknown>, tokens, simulated: answer.simulated };
  }

  /**
   * Runs `change` on the version, locked, in one transaction, only while this worker holds its
   * lease (else JobStopped: another worker has the job, or it was deleted).
   */
  private async write(
    change: (tx: EntityManager, version: SiteVersion) => Promise<void>,
    ending = false,
  ): Promise<void> {
    if (!ending) this.signal.throwIfAborted();
    await this.runtime.orm.em.fork().transactional(async (tx) => {
      const [owned] = await tx.execute<{ cancel_requested: boolean }[]>(
        `select cancel_requested from sites.site_version
          where id = ? and lease_owner = ? and status = 'RUNNING' for update`,
        [this.version.id, this.workerId],
      );
      if (!owned) throw new JobStopped('lease-lost');
      // A cancel that got the row first wins over the step that waited for it.
      if (owned.cancel_requested && !ending) throw new JobStopped('cancelled');
      const version = await tx.findOneOrFail(SiteVersion, { id: this.version.id }, { refresh: true });
      await change(tx, version);
      this.version = version;
    });
  }

  private addRepairs(
    version: SiteVersion,
    repairs: readonly { page: string; kind: string; detail: string }[],
  ) {
    const stored: StoredRepair[] = repairs.map((repair) => ({
      path: repair.page,
      kind: repair.kind,
      detail: repair.detail.slice(0, 300),
    }));
    version.repairs = [
      ...version.repairs.filter((repair) => !stored.some((each) => each.path === repair.path)),
      ...stored,
    ];
  }

  private async storedFiles(kind?: SiteFile['kind']): Promise<Set<string>> {
    const files = await this.runtime.orm.em
      .fork()
      .find(SiteFile, { versionId: this.version.id, ...(kind ? { kind } : {}) }, { fields: ['path'] });
    return new Set(files.map((file) => file.path));
  }
}

function failureMessage(error: unknown): string {
  if (error instanceof UserError) return error.message;
  return 'The generation failed on our side; try again';
}
