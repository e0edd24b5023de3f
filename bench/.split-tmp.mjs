import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import rehypeParse from 'rehype-parse';
import { RULES, scanText } from 'cprlint';
const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true }).map(f => path.join(dir, f)).filter(f=>/\.(md|html|tsx)$/.test(f)).map(f=>[f, readFileSync(f,'utf8')]);
const passing = files.filter(([f,t]) => RULES.some(r=>r.mightMatch(t)));
const time = (label, list, fn) => { const t=performance.now(); for (const [f,s] of list) fn(s,f); console.log(label.padEnd(50), ((performance.now()-t)/1000).toFixed(2)); };
const md = (l) => l.filter(([f])=>f.endsWith('.md')); const html=(l)=>l.filter(([f])=>f.endsWith('.html'));
const bare = unified().use(remarkParse), gfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter,['yaml','toml']);
const rh = unified().use(rehypeParse), rhf = unified().use(rehypeParse,{fragment:true});
const which = process.argv[3];
if (which==='a') { time('bare remark, all md', md(files), s=>bare.parse(s)); time('remark+gfm+fm, all md', md(files), s=>gfm.parse(s)); }
if (which==='b') { time('remark+gfm+fm, passing md', md(passing), s=>gfm.parse(s)); time('scanText passing md', md(passing), (s,f)=>scanText(s,{filePath:f})); }
if (which==='c') { time('rehype fragment, passing html', html(passing), s=>rhf.parse(s)); time('scanText passing html', html(passing), (s,f)=>scanText(s,{filePath:f})); time('scanText all tsx', files.filter(([f])=>f.endsWith('.tsx')), (s,f)=>scanText(s,{filePath:f}));}
