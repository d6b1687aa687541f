// The README's Inputs and Outputs tables, generated from action.yml so that they cannot drift from it.
//   node scripts/readme-tables.js          rewrites the tables between the README's markers
//   node scripts/readme-tables.js --check  exits 1 when the README is not current (.ci/run)
const fs = require('node:fs')
const path = require('node:path')
const { parse } = require('yaml')

const root = path.resolve(__dirname, '..')
const readmePath = path.join(root, 'README.md')
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'))

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
const inputs = [
  '| input | default | what it does |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.required ? '(required)' : i.default !== undefined && i.default !== '' ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`
  )
]
const outputs = [
  '| output | what it holds |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
]

function replaceBetween(text, name, lines) {
  const start = `<!-- ${name}: generated from action.yml by scripts/readme-tables.js -->`
  const end = `<!-- end of ${name} -->`
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`README.md lacks the markers:\n${start}\n${end}`)
  return `${text.slice(0, a + start.length)}\n${lines.join('\n')}\n${text.slice(b)}`
}

const current = fs.readFileSync(readmePath, 'utf8')
const wanted = replaceBetween(replaceBetween(current, 'inputs', inputs), 'outputs', outputs)
if (process.argv.includes('--check')) {
  if (wanted !== current) {
    console.error("README.md's inputs/outputs tables differ from action.yml: run 'npm run readme' and commit README.md")
    process.exit(1)
  }
  console.log('README tables are current')
} else if (wanted !== current) {
  fs.writeFileSync(readmePath, wanted)
  console.log('README.md: inputs and outputs tables regenerated from action.yml')
}
