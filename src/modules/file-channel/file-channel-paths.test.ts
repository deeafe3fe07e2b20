import { describe, expect, it } from 'vitest';
import { ackFileName, normalisePath, placeOf, uploadName } from './file-channel-paths.js';

describe('normalisePath', () => {
  it.each([
    ['/', '/', '/'],
    ['mutaties', '/', '/mutaties'],
    ['../../etc/passwd', '/', '/etc/passwd'],
    ['/in/../../../ack/x', '/', '/ack/x'],
    ['.//in///a.xml', '/', '/in/a.xml'],
    ['a.xml', '/in', '/in/a.xml'],
    ['..', '/in', '/'],
    ['/in/a\0b', '/', undefined],
    ['x'.repeat(1025), '/', undefined],
  ])('%s from %s → %s', (raw, cwd, expected) => {
    expect(normalisePath(raw, cwd)).toBe(expected);
  });
});

describe('placeOf', () => {
  it.each([
    ['/', { kind: 'root' }],
    ['/mutaties', { kind: 'folder', folder: 'mutaties' }],
    ['/ack/IN-1.ack', { kind: 'file', folder: 'ack', name: 'IN-1.ack' }],
    ['/in/a/b', { kind: 'none' }],
    ['/etc/passwd', { kind: 'none' }],
    ['/MUTATIES', { kind: 'none' }],
  ])('%s', (path, expected) => {
    expect(placeOf(path)).toEqual(expected);
  });
});

describe('uploadName', () => {
  it.each([
    ['0206731645_batch-20260312.xml', { kind: 'batch', institutionKbo: '0206731645' }],
    ['0206731645.dmfa.xml', { kind: 'batch', institutionKbo: '0206731645' }],
    ['0206731645_batch.xml.part', { kind: 'staging' }],
    ['0206731645_batch.xml.filepart', { kind: 'staging' }],
    ['batch.xml', { kind: 'invalid' }],
    ['0206731645', { kind: 'invalid' }],
    ['2206731645_x.xml', { kind: 'invalid' }],
    ['0206731645_.hidden', { kind: 'invalid' }],
    ['0206731645_a b.xml', { kind: 'invalid' }],
    ['nope.part', { kind: 'invalid' }],
    [`0206731645_${'x'.repeat(141)}`, { kind: 'invalid' }],
  ])('%s', (name, expected) => {
    expect(uploadName(name)).toEqual(expected);
  });

  it('names an acknowledgement after its reference', () => {
    expect(ackFileName('IN-20260312-ABCDEF1234')).toBe('IN-20260312-ABCDEF1234.ack');
  });
});
