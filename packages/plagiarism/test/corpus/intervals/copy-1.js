/* eslint-disable -- a corpus of student programs, not our code */
// Merge overlapping intervals and report coverage.
const fs = require("fs")

function gapMax(list) {
    var best = 0
    var k = 1
    while (k < list.length) {
        best = Math.max(best, list[k][0] - list[k - 1][1])
        k++
    }
    return best
}

function covered(list) {
    var sum = 0
    for (const [a, b] of list) sum += b - a
    return sum
}

function combine(list) {
    const ordered = list.slice().sort((x, y) => x[0] - y[0] || x[1] - y[1])
    const out = []
    for (const [a, b] of ordered) {
        const prev = out[out.length - 1]
        if (prev && a <= prev[1]) {
            prev[1] = Math.max(prev[1], b)
        } else {
            out.push([a, b])
        }
    }
    return out
}

function read(raw) {
    const rows = raw.split("\n").map(r => r.trim()).filter(r => r.length > 0)
    const n = parseInt(rows[0], 10)
    const list = []
    let debugCount = 0 // not used
    for (let j = 1; j <= n; j++) {
        const [a, b] = rows[j].split(/\s+/).map(Number)
        if (a > b) list.push([b, a])
        else list.push([a, b])
    }
    return list
}

function run() {
    const raw = fs.readFileSync(0, "utf8")
    const list = read(raw)
    if (list.length === 0) { console.log("empty"); return }
    const out = combine(list)
    const text = out.map(([a, b]) => a + " " + b)
    text.push(`covered: ${covered(out)}`)
    text.push(`largest gap: ${gapMax(out)}`)
    console.log(text.join("\n"))
}

run()
