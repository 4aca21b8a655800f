// Writes the package's geographic table (database/backup/geodb.json) as one line per province (P), district (D)
// and subdistrict (S), tab-separated, in the package's order:
//   P <code> <name>     D <code> <name>     S <code> <name> <postcodes, space-separated>
// The package stores names shortened against two dictionaries: "lookup" (a whole name given by its index) and
// "words" (frequent words written as one ASCII letter, A–Z then a–z). Codes the package lacks are left empty.
'use strict';
const fs = require('fs');
const [file, source] = process.argv.slice(2);
const geo = JSON.parse(fs.readFileSync(file, 'utf8'));
const names = geo.lookup ? geo.lookup.split('|') : [];
const words = geo.words ? geo.words.split('|') : [];
const letter = (c) => {
  const code = c.charCodeAt(0);
  return words[code <= 90 ? code - 65 : 26 + code - 97];
};
const expand = (value) => (typeof value === 'number' ? names[value] : String(value)).replace(/[A-Za-z]/g, letter);
const code = (value) => (value ? String(value) : '');
const out = [
  `# Provinces, districts and subdistricts of Thailand from the npm package ${source} (ISC licence),`,
  '# P code name / D code name / S code name postcodes; tab-separated; generated at build time.',
];
for (const [province, provinceCode, districts] of geo.data) {
  out.push(['P', code(provinceCode), expand(province)].join('\t'));
  for (const [district, districtCode, subdistricts] of districts) {
    out.push(['D', code(districtCode), expand(district)].join('\t'));
    for (const [subdistrict, subdistrictCode, postcodes] of subdistricts) {
      out.push(['S', code(subdistrictCode), expand(subdistrict), [].concat(postcodes).join(' ')].join('\t'));
    }
  }
}
process.stdout.write(out.join('\n') + '\n');
