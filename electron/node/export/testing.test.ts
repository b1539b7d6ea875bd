import { describe, expect, it } from 'vitest';
import { xmlProblem } from './testing';

describe('xmlProblem (the feed checker) rejects what XML rejects', () => {
  it.each([
    ['<?xml version="1.0"?>\n<a><b x="1">t &amp; u</b><c/></a>\n', null],
    ['<a><b></a></b>', 'an unexpected </a>'],
    ['<a>x & y</a>', 'a bare "&"'],
    ['<a x="1" x="2"/>', 'a repeated attribute x'],
    ['<a x=1/>', 'a malformed attribute'],
    ['<a/><b/>', '2 root elements'],
    ['<a>', '<a> not closed'],
    ['text<a/>', 'text outside the root element'],
    ['<a x="a&b"/>', 'a bare "&" in x'],
  ])('%j', (xml, expected) => {
    const problem = xmlProblem(xml);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});
