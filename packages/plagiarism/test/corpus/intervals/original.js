/* eslint-disable -- a corpus of student programs, not our code */
'use strict';

const fs = require('fs');

function parseInput(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const count = parseInt(lines[0], 10);
  const intervals = [];
  for (let i = 1; i <= count; i++) {
    const [start, end] = lines[i].split(/\s+/).map(Number);
    if (start > end) {
      intervals.push([end, start]);
    } else {
      intervals.push([start, end]);
    }
  }
  return intervals;
}

function mergeIntervals(intervals) {
  const sorted = intervals.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

function totalLength(intervals) {
  let total = 0;
  for (const [start, end] of intervals) {
    total += end - start;
  }
  return total;
}

function largestGap(intervals) {
  let gap = 0;
  for (let i = 1; i < intervals.length; i++) {
    gap = Math.max(gap, intervals[i][0] - intervals[i - 1][1]);
  }
  return gap;
}

function main() {
  const input = fs.readFileSync(0, 'utf8');
  const intervals = parseInput(input);
  if (intervals.length === 0) {
    console.log('empty');
    return;
  }
  const merged = mergeIntervals(intervals);
  const lines = merged.map(([s, e]) => `${s} ${e}`);
  lines.push(`covered: ${totalLength(merged)}`);
  lines.push(`largest gap: ${largestGap(merged)}`);
  console.log(lines.join('\n'));
}

main();
