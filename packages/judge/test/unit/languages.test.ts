import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGE_IDS } from '@logicode/contracts';
import type { JudgeLimits } from '@logicode/contracts';
import { LANGUAGE_SPECS, languageSpec } from '../../src/languages/index.js';
import java, { javaMainClass } from '../../src/languages/java.js';
import { runCgroupMemoryKb, testRunLimits } from '../../src/limits.js';
import { sandboxDecision } from '../../src/judge.js';

describe('language list', () => {
  it('has exactly one spec per contract language id', () => {
    assert.deepEqual(LANGUAGE_SPECS.map((l) => l.id).sort(), [...LANGUAGE_IDS].sort());
  });
  it('calls toolchains by absolute path (never a PATH shim)', () => {
    for (const l of LANGUAGE_SPECS) {
      const argv = l.run({ progDir: '/prog', sourceFile: l.sourceFile(l.selfTest), memoryLimitKb: 65536 });
      assert.ok(argv[0]?.startsWith('/'), `${l.id}: ${argv[0]}`);
      assert.ok(l.version[0]?.startsWith('/'));
      if (l.compile) assert.ok(l.compile('x', { cacheDir: '/judge/cache', cacheReady: true })[0]?.startsWith('/'));
    }
  });
  it('C links libm; C and C++ use the required standards', () => {
    assert.deepEqual(languageSpec('c')?.compile?.('main.c', { cacheDir: '/judge/cache', cacheReady: true }), ['/usr/bin/gcc', '-std=c17', '-O2', '-pipe', '-o', 'main', 'main.c', '-lm']);
    assert.ok(languageSpec('cpp')?.compile?.('main.cpp', { cacheDir: '/judge/cache', cacheReady: true }).includes('-I/judge/cache'));
  });
});

describe('java class names', () => {
  it('names the file after the public class', () => {
    assert.equal(javaMainClass('import java.util.*;\npublic class Solver { public static void main(String[] a) {} }'), 'Solver');
    assert.equal(javaMainClass('class A {}\nclass B { public static void main(String[] a) {} }'), 'B');
    assert.equal(javaMainClass('class Solution { int f() { return 1; } }'), 'Main');
  });
  it('function style: the driver is the public class; a student\'s top-level public is dropped', () => {
    const combined = java.combine('import java.util.*;\npublic final class Solution {\n  public static class Node {}\n}\n', 'public class Main { public static void main(String[] a) {} }');
    assert.match(combined, /^final class Solution/m);
    assert.match(combined, /public static class Node/);
    assert.equal(java.sourceFile(combined), 'Main.java');
  });
  it('drops a package declaration so the class is found on /prog', () => {
    assert.equal(java.combine('package com.example;\npublic class Main {}\n', null), '\npublic class Main {}\n');
  });
  it('the JVM gets the problem\'s heap limit and its overhead goes into the cgroup', () => {
    const argv = java.run({ progDir: '/prog', sourceFile: 'Main.java', memoryLimitKb: 262144 });
    assert.ok(argv.includes('-Xmx262144k'));
    assert.equal(argv.at(-1), 'Main');
    const limits: JudgeLimits = { timeLimitMs: 1000, memoryLimitKb: 262144, outputLimitBytes: 1 << 20 };
    assert.ok(runCgroupMemoryKb(limits, java) > 262144 + 100_000);
  });
});

describe('run limits', () => {
  const limits: JudgeLimits = { timeLimitMs: 2000, memoryLimitKb: 32768, outputLimitBytes: 4096 };
  it('defaults the wall limit to 3 × time + 1 s and caps the stack at the memory limit', () => {
    const c = testRunLimits(limits, languageSpec('c')!, { cgroups: true });
    assert.equal(c.wallMs, 7000);
    assert.equal(c.stackKb, 32768);
    assert.equal(c.outputBytes, 4096);
    assert.equal(c.fileSizeBytes, 4096);
    assert.equal(c.addressSpaceKb, 0);
    assert.equal(c.processes, 0);
  });
  it('without cgroups: RLIMIT_AS for C-like languages only, never for node or the JVM', () => {
    assert.ok(testRunLimits(limits, languageSpec('c')!, { cgroups: false }).addressSpaceKb > 32768);
    assert.equal(testRunLimits(limits, languageSpec('javascript')!, { cgroups: false }).addressSpaceKb, 0);
    assert.equal(testRunLimits(limits, languageSpec('java')!, { cgroups: false }).addressSpaceKb, 0);
    assert.ok(testRunLimits(limits, languageSpec('c')!, { cgroups: false }).processes > 0);
  });
});

describe('sandboxDecision', () => {
  it('refuses with UNAVAILABLE when the sandbox is unusable, unless explicitly allowed', () => {
    assert.equal(sandboxDecision(null, false), 'sandboxed');
    assert.throws(() => sandboxDecision('bwrap missing', false), (e: unknown) => (e as { code?: string }).code === 'UNAVAILABLE');
    assert.equal(sandboxDecision('bwrap missing', true), 'unsandboxed');
  });
});
