/* eslint-disable -- a corpus of student programs, not our code */
'use strict'
const fs = require('fs')

// helpers ------------------------------------------------------------

function sumLengths(segments) {
  let total = 0
  segments.forEach(([lo, hi]) => {
    total = total + (hi - lo)
  })
  return total
}

function widestGap(segments) {
  let widest = 0
  for (let idx = 1; idx < segments.length; idx += 1) {
    const g = segments[idx][0] - segments[idx - 1][1]
    if (g > widest) widest = g
  }
  return widest
}

function mergeAll(segments) {
  const sorted = [...segments].sort((p, q) => p[0] - q[0] || p[1] - q[1])
  const merged = []
  sorted.forEach(([lo, hi]) => {
    const top = merged.length ? merged[merged.length - 1] : undefined
    if (top === undefined || lo > top[1]) {
      merged.push([lo, hi])
    } else {
      top[1] = Math.max(top[1], hi)
    }
  })
  return merged
}

function parse(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
  const count = parseInt(lines[0], 10)
  const segments = []
  let idx = 1
  while (idx <= count) {
    const [lo, hi] = lines[idx].split(/\s+/).map(Number)
    segments.push(lo > hi ? [hi, lo] : [lo, hi])
    idx += 1
  }
  return segments
}

// main ---------------------------------------------------------------

const segments = parse(fs.readFileSync(0, 'utf8'))
if (segments.length === 0) {
  console.log('empty')
} else {
  const merged = mergeAll(segments)
  const lines = merged.map(([lo, hi]) => `${lo} ${hi}`)
  lines.push(`covered: ${sumLengths(merged)}`)
  lines.push(`largest gap: ${widestGap(merged)}`)
  console.log(lines.join('\n'))
}
