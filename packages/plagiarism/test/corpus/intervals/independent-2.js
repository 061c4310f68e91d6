/* eslint-disable -- a corpus of student programs, not our code */
// Sort by start, then sweep once keeping the current merged interval.
const input = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(input[0]);
const segs = [];
for (let i = 1; i <= n; i++) {
  const nums = input[i].trim().split(' ').filter((x) => x !== '').map((x) => parseInt(x, 10));
  segs.push({ lo: Math.min(nums[0], nums[1]), hi: Math.max(nums[0], nums[1]) });
}
if (!segs.length) {
  console.log('empty');
  process.exit(0);
}
segs.sort(function (a, b) {
  if (a.lo !== b.lo) return a.lo - b.lo;
  return a.hi - b.hi;
});
const result = [];
let curLo = segs[0].lo;
let curHi = segs[0].hi;
for (let i = 1; i < segs.length; i++) {
  if (segs[i].lo > curHi) {
    result.push([curLo, curHi]);
    curLo = segs[i].lo;
    curHi = segs[i].hi;
  } else if (segs[i].hi > curHi) {
    curHi = segs[i].hi;
  }
}
result.push([curLo, curHi]);
let cov = 0;
let gap = 0;
result.forEach(([a, b], idx) => {
  cov += b - a;
  if (idx > 0) gap = Math.max(gap, a - result[idx - 1][1]);
});
let text = '';
for (const [a, b] of result) text += a + ' ' + b + '\n';
text += 'covered: ' + cov + '\n' + 'largest gap: ' + gap;
console.log(text);
