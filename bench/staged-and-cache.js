// Section: the two quick runs a team makes most often. `cprlint --staged` in a pre-commit hook,
// with five Markdown files staged in a repository of 5,000, and a full scan with --cache run a
// second time, as a CI job or an editor's save does: both must feel instant next to a full scan.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSite } from './generate-site.js';
import { measure, RUNS } from './measure.js';

const CLI = fileURLToPath(new URL('../bin/cprlint.js', import.meta.url));

const REPOSITORY_FILES = 5000;
// The generated site's Markdown, HTML and TSX, and a CMS export of page data as JSON to fill up
// to REPOSITORY_FILES: fewer JSON files than this and the mix no longer looks like a real site.
const MIN_JSON_FILES = 100;
const MAX_STAGED_SECONDS = 0.4;
const MAX_WARM_FRACTION = 1 / 5;

// The one number planted in the staged files, as an editor pastes it into a page. Valid, with a
// CPR keyword: an error of no-cpr-number wherever it stands.
const PLANTED_LINE = 'Barnets cpr-nummer: 0301564368';

/**
 * git with the repository's own settings only: a variable like GIT_DIR (set when the bench runs
 * from a git hook) would point it at another repository, and hooks or signing in the user's
 * configuration have no business in a benchmark.
 */
function git(repository, args) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  const run = spawnSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repository,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw new Error(`git is needed for the --staged benchmark, and could not be run: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${repository}:\n${run.stderr}`);
  return run.stdout;
}

/** A page's front matter (title, date, layout) and its opening paragraph, from its Markdown. */
function pageData(markdown) {
  const [, frontMatter = '', body = markdown] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
  const field = (name) => new RegExp(`^${name}: (.*)$`, 'm').exec(frontMatter)?.[1].replace(/^"|"$/g, '');
  const paragraphs = body.split(/\n{2,}/).filter((block) => /^[A-ZÆØÅ]/.test(block));
  return { title: field('title'), date: field('date'), layout: field('layout'), summary: paragraphs[0] ?? '' };
}

/**
 * A CMS export of page data, as a static site generator reads it: one JSON file per page, with
 * the page's title, dates, summary and contact. Written for pages with nothing planted, so the
 * JSON is clean text like most of a repository.
 */
function writePageData(repository, markdownFiles, count) {
  for (const relative of markdownFiles.slice(0, count)) {
    const data = pageData(readFileSync(path.join(repository, relative), 'utf8'));
    const name = path.basename(relative, '.md');
    const section = path.basename(path.dirname(relative));
    const target = path.join(repository, 'data', 'pages', section, `${name}.json`);
    mkdirSync(path.dirname(target), { recursive: true });
    const page = {
      id: name,
      url: `/${section}/${name}/`,
      title: data.title,
      published: data.date,
      layout: data.layout,
      summary: data.summary,
      contact: { department: 'Borgerservice', email: 'borgerservice@egeskov.dk' },
      breadcrumbs: [{ title: 'Forside', url: '/' }, { title: section, url: `/${section}/` }],
    };
    writeFileSync(target, `${JSON.stringify(page, null, 2)}\n`);
  }
}

// Two pages an editor adds, beside the three pages edited: with them the index holds REPOSITORY_FILES.
const ADDED_PAGES = [
  {
    file: 'content/nyheder/ny-legeplads-ved-soeby-skole.md',
    text:
      '---\ntitle: "Ny legeplads ved Søby Skole"\ndate: 2026-04-14\nlayout: news\ntags: [news]\n---\n\n' +
      '# Ny legeplads ved Søby Skole\n\nDen nye legeplads åbner mandag den 4. maj kl. 14.00. ' +
      'Projektet har kostet 1.450.000 kr. og er støttet af Lokale- og Anlægsfonden.\n\n' +
      'Har du spørgsmål, kan du kontakte Vej og Park på 72 49 67 47.\n',
  },
  {
    file: 'content/borger/hjaelp-til-flytning.md',
    text:
      '---\ntitle: "Hjælp til flytning"\ndate: 2026-04-15\nlayout: service\ntags: [service]\n---\n\n' +
      '# Hjælp til flytning\n\nDu skal melde flytning senest fem dage efter, at du er flyttet. ' +
      'Du kan melde flytning digitalt med MitID eller ringe til Borgerservice på 91 82 46 12 ' +
      'alle hverdage kl. 09.00-15.00.\n',
  },
];
const EDITED_PAGES = 3;

/**
 * The five staged Markdown files: three pages edited (the planted number pasted into the first)
 * and two pages added. Returns their paths relative to the repository and where the number is.
 */
function stageFiveMarkdownFiles(repository, cleanMarkdownFiles) {
  const edited = cleanMarkdownFiles.slice(-EDITED_PAGES);
  const addition = 'Opdateret 14.04.2026: Tidspunktet er flyttet til kl. 16.30. Se også sagsnr. 61.04.83-P88-4-17.';
  let planted;
  edited.forEach((relative, i) => {
    const file = path.join(repository, relative);
    let text = readFileSync(file, 'utf8').replace(/\n*$/, '\n\n');
    text += `${addition}\n`;
    if (i === 0) {
      text += `\n${PLANTED_LINE}\n`;
      planted = { file: relative, line: text.split('\n').length - 1 };
    }
    writeFileSync(file, text);
  });
  for (const { file, text } of ADDED_PAGES) writeFileSync(path.join(repository, file), text);
  const staged = [...edited, ...ADDED_PAGES.map(({ file }) => file)];
  git(repository, ['add', '--', ...staged]);
  return { staged, planted };
}

/**
 * A git repository in `repository`: the site's files and JSON page data, committed, then five
 * Markdown files staged, two of them new, so that the index holds REPOSITORY_FILES. Says what it holds.
 */
function buildRepository(site, repository) {
  cpSync(site.root, repository, { recursive: true });
  const plantedFiles = new Set(Object.values(site.planted).flat());
  const cleanMarkdownFiles = readdirSync(repository, { recursive: true })
    .map((relative) => relative.split(path.sep).join('/'))
    .filter((relative) => relative.endsWith('.md') && !plantedFiles.has(relative))
    .sort();
  const jsonFiles = REPOSITORY_FILES - site.files - ADDED_PAGES.length;
  if (jsonFiles < MIN_JSON_FILES) {
    throw new Error(
      `The generated site has ${site.files} files, which leaves room for only ${jsonFiles} JSON files ` +
        `in a repository of ${REPOSITORY_FILES}; the benchmark needs at least ${MIN_JSON_FILES}`,
    );
  }
  // The JSON comes from the first pages and the staged edits go to the last, so none is both.
  writePageData(repository, cleanMarkdownFiles, jsonFiles);

  const started = performance.now();
  git(repository, ['init', '-q']);
  git(repository, ['config', 'user.email', 'bench@cprlint.invalid']);
  git(repository, ['config', 'user.name', 'cprlint bench']);
  git(repository, ['add', '-A']);
  git(repository, ['commit', '-q', '--no-verify', '-m', 'The municipal site']);
  const gitSeconds = (performance.now() - started) / 1000;
  const { staged, planted } = stageFiveMarkdownFiles(repository, cleanMarkdownFiles);

  const tracked = git(repository, ['ls-files', '-z']).split('\0').filter(Boolean);
  const byExtension = {};
  let bytes = 0;
  for (const relative of tracked) {
    const size = statSync(path.join(repository, relative)).size;
    const entry = (byExtension[path.extname(relative)] ??= { files: 0, bytes: 0 });
    entry.files += 1;
    entry.bytes += size;
    bytes += size;
  }
  const stagedBytes = staged.reduce((sum, relative) => sum + statSync(path.join(repository, relative)).size, 0);
  return { files: tracked.length, bytes, byExtension, staged, stagedBytes, planted, gitSeconds };
}

/** A JSON report's findings: errors, warnings, and the files (absolute) with any. */
function readReport(reportFile, cwd) {
  const reports = JSON.parse(readFileSync(reportFile, 'utf8'));
  const count = (field) => reports.reduce((sum, report) => sum + report[field], 0);
  return {
    reports,
    files: reports.map((report) => path.resolve(cwd, report.filePath)),
    errors: count('errorCount'),
    warnings: count('warningCount'),
  };
}

/** The findings of a report as plain facts, to hold two runs' reports against each other. */
function findingsOf(report) {
  return JSON.stringify(
    report.reports.map((fileReport) => [
      fileReport.filePath,
      fileReport.messages.map((message) => [message.ruleId, message.severity, message.line, message.column, message.message]),
    ]),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const stagedAndCache = {
  title: 'cprlint --staged in a repository of 5,000 files, and a full scan with --cache, cold then warm',
  async run({ site, workDir }) {
    site ??= generateSite(path.join(workDir, 'site'));
    const repository = path.join(workDir, 'staged-and-cache-repository');
    const built = buildRepository(site, repository);
    const plantedFile = path.join(repository, built.planted.file);

    // Exit code 1 is the expected outcome: the planted number is found.
    const stagedReport = path.join(workDir, 'staged-report.json');
    const staged = await measure(
      'cprlint --staged',
      [CLI, '--staged', '--format', 'json', '--output-file', stagedReport],
      { workDir, cwd: repository, exitCodes: [1] },
    );
    const stagedFound = readReport(stagedReport, repository);
    const stagedFiles = new Set(built.staged.map((relative) => path.join(repository, relative)));
    const plantedFinding = stagedFound.reports
      .filter((report) => path.resolve(repository, report.filePath) === plantedFile)
      .flatMap((report) => report.messages)
      .find((message) => message.ruleId === 'no-cpr-number' && message.severity === 2 && message.line === built.planted.line);
    // A run that misses the number, or reads files beyond the index's, measured something else.
    if (!plantedFinding) {
      throw new Error(`cprlint --staged did not report the CPR number planted in ${built.planted.file}, line ${built.planted.line}`);
    }
    const unstaged = stagedFound.files.filter((file) => !stagedFiles.has(file));
    if (unstaged.length > 0) {
      throw new Error(`cprlint --staged reported files that are not staged: ${unstaged.map((file) => path.relative(repository, file)).join(', ')}`);
    }

    // Each pair starts from an empty cache: the first run fills it, the second is served by it.
    const cacheFile = path.join(workDir, 'staged-and-cache.cprlintcache');
    const cold = [];
    const warm = [];
    let fullFound;
    let cachedFiles = 0;
    for (let i = 1; i <= RUNS; i++) {
      rmSync(cacheFile, { force: true });
      const fullRun = async (label, reportFile) => {
        const args = [CLI, '--cache', '--cache-location', cacheFile, '--format', 'json', '--output-file', reportFile, repository];
        const measured = await measure(`${label} (pair ${i}/${RUNS})`, args, { workDir, runs: 1, exitCodes: [1] });
        return { measured, found: readReport(reportFile, workDir) };
      };
      const first = await fullRun('cprlint --cache, cold', path.join(workDir, 'cache-cold-report.json'));
      cachedFiles = Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).files).length;
      const second = await fullRun('cprlint --cache, warm', path.join(workDir, 'cache-warm-report.json'));
      // A cache that changes what is found is a bug, and its speed means nothing.
      if (findingsOf(first.found) !== findingsOf(second.found)) {
        throw new Error(
          `cprlint --cache reported other findings from the cache than without it (pair ${i}): ` +
            `${first.found.errors} errors, ${first.found.warnings} warnings in ${first.found.files.length} files cold, ` +
            `${second.found.errors} errors, ${second.found.warnings} warnings in ${second.found.files.length} files warm`,
        );
      }
      if (!first.found.files.includes(plantedFile)) {
        throw new Error(`cprlint --cache did not report the CPR number planted in ${built.planted.file}`);
      }
      cold.push(first.measured);
      warm.push(second.measured);
      fullFound = first.found;
    }
    const pairs = (runs) => ({
      wallSeconds: median(runs.map((run) => run.wallSeconds)),
      cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
      peakRssKb: Math.max(...runs.map((run) => run.peakRssKb)),
    });
    const coldRun = pairs(cold);
    const warmRun = pairs(warm);
    const warmFraction = warmRun.wallSeconds / coldRun.wallSeconds;

    const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
    const mix = Object.entries(built.byExtension)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([extension, { files, bytes }]) => `${extension} ${files} (${megabytes(bytes)} MB)`);
    const notes = [
      `Repository: ${built.files} files in git's index, ${megabytes(built.bytes)} MB (${mix.join(', ')}): ` +
        `the generated site and a JSON export of page data; git add and commit took ${built.gitSeconds.toFixed(1)} s.`,
      `Staged: ${built.staged.length} Markdown files (${(built.stagedBytes / 1e3).toFixed(0)} kB), ` +
        `${EDITED_PAGES} edited and ${ADDED_PAGES.length} added; ` +
        `a CPR number planted in ${built.planted.file}, line ${built.planted.line}.`,
      `cprlint --staged found ${stagedFound.errors} errors and ${stagedFound.warnings} warnings in ${stagedFound.files.length} files, ` +
        'the planted number among them.',
      `cprlint --cache found ${fullFound.errors} errors and ${fullFound.warnings} warnings in ${fullFound.files.length} files, ` +
        `the same cold and warm; the cold run recorded ${cachedFiles} clean files, and files with findings are scanned again on every run.`,
      `Cold and warm runs in ${RUNS} pairs, each from an empty cache; the warm run took ` +
        `${(100 * warmFraction).toFixed(0)}% of the cold one's wall time (medians).`,
    ];
    const seconds = (run) => `${run.wallSeconds.toFixed(2)} s`;
    return {
      rows: [
        { label: `cprlint --staged (${built.staged.length} .md staged)`, bytes: built.stagedBytes, ...staged },
        { label: 'cprlint --cache, cold (fills the cache)', bytes: built.bytes, ...coldRun },
        { label: 'cprlint --cache, warm', bytes: built.bytes, ...warmRun },
      ],
      targets: [
        {
          text:
            `cprlint --staged with ${built.staged.length} staged Markdown files in a repository of ${built.files} files ` +
            `under ${MAX_STAGED_SECONDS * 1000} ms (${(staged.wallSeconds * 1000).toFixed(0)} ms)`,
          met: staged.wallSeconds < MAX_STAGED_SECONDS,
        },
        {
          text: `the warm run with --cache under a fifth of the cold one (${seconds(warmRun)} against ${seconds(coldRun)})`,
          met: warmFraction < MAX_WARM_FRACTION,
        },
      ],
      notes,
    };
  },
};
