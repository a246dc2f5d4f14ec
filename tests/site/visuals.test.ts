/**
 * The geometry of the site's pictures (src/site/visuals.ts) against the
 * model's numbers: bars drawn from pay.min to pay.max on one scale, one rung
 * per level at its grade's height, scope, budget and decisions in proportion.
 */
import { describe, expect, it } from 'vitest';
import { check, checkSources } from '../../src/ladder/check.ts';
import { familyGrades } from '../../src/ladder/model.ts';
import {
  authorityPicture,
  dualLadder,
  gradePayGroup,
  LADDER_LAYOUT,
  linearScale,
  measureText,
  niceDomain,
  niceStep,
  payChart,
  wrapText,
  wrapToWidth,
} from '../../src/site/visuals.ts';
import { generateWideLadder } from '../../bench/generate.ts';
import { miniLadder, SAMPLE } from '../helpers/ladder.ts';

const ladder = check(SAMPLE).ladder;
/** Nine tracks of twelve grades and twelve of four, with titles such as "Senior Principal Software Development Engineer in Test". */
const wide = checkSources(
  generateWideLadder({
    families: [
      { tracks: 8, grades: 12 },
      { tracks: 11, grades: 4 },
    ],
  }),
).ladder;

describe('scales', () => {
  it('maps linearly, and a zero span to the middle', () => {
    const s = linearScale([100, 200], [0, 50]);
    expect(s(100)).toBe(0);
    expect(s(150)).toBe(25);
    expect(s(200)).toBe(50);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it('picks nice steps and a domain that holds the data', () => {
    expect(niceStep(55_000, 4)).toBe(20_000);
    expect(niceStep(1, 4)).toBe(0.5);
    const { domain, ticks } = niceDomain(185_000, 240_000);
    expect(domain[0]).toBeLessThanOrEqual(185_000);
    expect(domain[1]).toBeGreaterThan(240_000);
    expect(ticks[0]).toBe(domain[0]);
    expect(ticks.at(-1)).toBe(domain[1]);
    const single = niceDomain(50_000, 50_000);
    expect(single.domain[0]).toBeLessThan(50_000);
    expect(single.domain[1]).toBeGreaterThan(50_000);
    expect(niceDomain(0, 10).domain[0]).toBe(0);
  });

  it('wraps text into at most two lines, cutting with an ellipsis', () => {
    expect(wrapText('Senior Director of Engineering', 20)).toEqual(['Senior Director of', 'Engineering']);
    expect(wrapText('Staff Engineer', 20)).toEqual(['Staff Engineer']);
    const cut = wrapText('A very long title that will not fit on two short lines at all', 12);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    for (const line of cut) expect(line.length).toBeLessThanOrEqual(12);
  });
});

describe('text widths', () => {
  it('measure text as DejaVu Sans draws it, character by character', () => {
    // Chromium's own measures (canvas measureText) in DejaVu Sans and DejaVu Sans Bold.
    expect(measureText('Grade 12', 12)).toBeCloseTo(55.67, 1);
    expect(measureText('Infrastructure', 14, true)).toBeCloseTo(110.87, 1);
    expect(measureText('Grade 12', 12)).toBeGreaterThan(measureText('Grade 9', 12));
    expect(measureText('iiii', 14)).toBeLessThan(measureText('MMMM', 14));
    expect(measureText('Software', 13, true)).toBeGreaterThan(measureText('Software', 13));
    // Accented letters count as their letter; characters beyond the table as a full em.
    expect(measureText('Équipe', 10)).toBe(measureText('Equipe', 10));
    expect(measureText('工程', 10)).toBe(20);
    expect(measureText('', 14)).toBe(0);
  });

  it('wrap text into lines that each fit the width, cutting only what does not fit', () => {
    const title = 'Senior Principal Software Development Engineer in Test';
    const lines = wrapToWidth(title, 156, 14, 4);
    expect(lines.join(' ')).toBe(title);
    for (const line of lines) expect(measureText(line, 14)).toBeLessThanOrEqual(156);
    const cut = wrapToWidth(title, 156, 14, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    for (const line of cut) expect(measureText(line, 14)).toBeLessThanOrEqual(156);
    // A word longer than the line is cut too.
    const [word] = wrapToWidth('Supercalifragilisticexpialidocious', 60, 14, 1);
    expect(word!.endsWith('…')).toBe(true);
    expect(measureText(word!, 14)).toBeLessThanOrEqual(60);
  });
});

describe('pay bars', () => {
  it('draw every band of a grade from pay.min to pay.max on one shared scale', () => {
    for (const family of ladder.families) {
      for (const grade of familyGrades(ladder, family.id)) {
        const group = gradePayGroup(ladder, family.id, grade);
        const chart = payChart([group]);
        const scale = linearScale(chart.domain, [chart.x0, chart.x1]);
        const levels = ladder.levelsByFamilyGrade.get(family.id)!.get(grade)!;
        expect(chart.groups[0]!.bars.map((b) => b.id).sort()).toEqual(levels.map((l) => l.id).sort());
        for (const bar of chart.groups[0]!.bars) {
          const level = ladder.level.get(bar.id)!;
          expect(bar.x).toBeCloseTo(scale(level.pay!.min), 6);
          expect(bar.x + bar.width).toBeCloseTo(scale(level.pay!.max), 6);
          expect(bar.x).toBeGreaterThanOrEqual(chart.x0);
          expect(bar.x + bar.width).toBeLessThanOrEqual(chart.x1);
        }
        // The sample keeps parity: every band of a grade is the same, so the bars line up exactly.
        expect(chart.identical[0]).toBe(true);
        const xs = new Set(chart.groups[0]!.bars.map((b) => `${b.x}:${b.width}`));
        expect(xs.size).toBe(1);
      }
    }
  });

  it('show unequal bands as unequal bars, and stack groups without overlap', () => {
    const chart = payChart([
      {
        label: 'Grade 1',
        bars: [
          { id: 'a', label: 'A', track: 'T1', kind: 'individual-contributor', min: 100, max: 200 },
          { id: 'b', label: 'B', track: 'T2', kind: 'management', min: 150, max: 300 },
        ],
      },
      { label: 'Grade 2', bars: [{ id: 'c', label: 'C', track: 'T1', kind: 'individual-contributor', min: 400, max: 400 }] },
    ]);
    const [a, b] = chart.groups[0]!.bars;
    const c = chart.groups[1]!.bars[0]!;
    const scale = linearScale(chart.domain, [chart.x0, chart.x1]);
    expect(a!.width / b!.width).toBeCloseTo(100 / 150, 6);
    expect(b!.x - a!.x).toBeCloseTo(scale(150) - scale(100), 6);
    expect(chart.identical).toEqual([false, true]);
    expect(c.width).toBe(0);
    expect(c.x).toBeCloseTo(scale(400), 6);
    const ys = [a!, b!, c].map((bar) => bar.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(a!.height);
    expect(chart.axisY).toBeGreaterThan(c.y + c.height);
    expect(chart.height).toBeGreaterThan(chart.axisY);
    expect(chart.ticks[0]!.x).toBeCloseTo(chart.x0, 6);
  });
});

describe('the dual ladder', () => {
  it('has one rung per level, at its grade, on its track, linked by id', () => {
    for (const family of ladder.families) {
      const viz = dualLadder(ladder, family.id);
      const tracks = ladder.tracksByFamily.get(family.id)!;
      expect(viz.rails.map((r) => r.track.id)).toEqual(tracks.map((t) => t.id));
      const yOfGrade = new Map(viz.grades.map((g) => [g.grade, g.y]));
      for (const rail of viz.rails) {
        const levels = ladder.levelsByTrack.get(rail.track.id)!;
        expect(rail.rungs.map((r) => r.level.id)).toEqual(levels.map((l) => l.id));
        for (const rung of rail.rungs) {
          expect(rung.y).toBe(yOfGrade.get(rung.level.grade));
          expect(rung.x1).toBe(rail.left);
          expect(rung.x2).toBe(rail.right);
          expect(rung.label.lines.join(' ')).toBe(ladder.level.get(rung.level.id)!.title);
        }
        // Higher grades sit higher (smaller y).
        for (let i = 1; i < rail.rungs.length; i++) expect(rail.rungs[i]!.y).toBeLessThan(rail.rungs[i - 1]!.y);
        expect(rail.top).toBeLessThan(rail.bottom);
        expect(rail.right).toBeLessThanOrEqual(viz.width);
      }
      // Both tracks rise to the same top grade: the rungs of the top grade are at the same height.
      expect(viz.sameTop).toBe(true);
      expect(viz.topGrade).toBe(Math.max(...familyGrades(ladder, family.id)));
      const tops = viz.rails.map((r) => r.rungs.at(-1)!.y);
      expect(new Set(tops).size).toBe(1);
      expect(viz.height).toBeGreaterThan(Math.max(...viz.grades.map((g) => g.y)));
    }
  });

  it('draws wide families with the grade labels inside the axis and every title whole and within its rail', () => {
    const L = LADDER_LAYOUT;
    for (const family of wide.families) {
      const viz = dualLadder(wide, family.id);
      const top = Math.max(...familyGrades(wide, family.id));
      // "Grade 12" ends at axis.x and starts inside the axis picture; "12" inside each rail's gutter.
      expect(viz.axis.x - measureText(`Grade ${top}`, L.axisFont)).toBeGreaterThanOrEqual(0);
      expect(viz.axis.x).toBeLessThanOrEqual(viz.axis.width);
      expect(viz.width).toBe(viz.axis.width + viz.rails.reduce((sum, r) => sum + r.width, 0));
      expect(viz.rails).toHaveLength(wide.tracksByFamily.get(family.id)!.length);
      for (const rail of viz.rails) {
        expect(rail.width).toBe(viz.rails[0]!.width);
        expect(rail.gradeX - measureText(String(top), L.axisFont)).toBeGreaterThanOrEqual(0);
        expect(rail.gradeX).toBeLessThan(rail.left);
        for (const line of rail.header.lines) expect(measureText(line, L.headerFont, true)).toBeLessThanOrEqual(L.railWidth);
        for (const rung of rail.rungs) {
          expect(rung.label.lines.join(' ')).toBe(wide.level.get(rung.level.id)!.title);
          for (const line of rung.label.lines) expect(measureText(line, L.font)).toBeLessThanOrEqual(L.railWidth - 16);
          // The label's first line stays below the rung above (one row up).
          expect(rung.label.y - L.font).toBeGreaterThan(rung.y - (viz.grades[0]!.y - viz.grades[1]!.y));
        }
      }
    }
  });

  it('says when a track stops below the top of its family', () => {
    const files = miniLadder();
    files['levels/eng-mgmt/director.md'] = files['levels/eng-mgmt/manager.md']!.replace('title: Manager', 'title: Director').replace('grade: 2', 'grade: 3');
    const mini = checkSources(files).ladder;
    const viz = dualLadder(mini, 'eng');
    expect(viz.topGrade).toBe(3);
    expect(viz.sameTop).toBe(false);
    expect(viz.rails.find((r) => r.track.id === 'eng-ic')!.topGrade).toBe(2);
  });
});

describe('scope and authority', () => {
  it("fill the scopes up to the level's, and draw budget and decisions against the family's largest", () => {
    for (const level of ladder.levels) {
      const pic = authorityPicture(ladder, level);
      const family = ladder.levels.filter((l) => l.family === level.family);
      const index = ladder.scopes.indexOf(level.authority.scope);
      expect(pic.scope.index).toBe(index);
      expect(pic.scope.steps.map((s) => s.name)).toEqual(ladder.scopes);
      expect(pic.scope.steps.filter((s) => s.filled)).toHaveLength(index + 1);
      expect(pic.scope.steps.filter((s) => s.current).map((s) => s.name)).toEqual([level.authority.scope]);
      const max = Math.max(...family.map((l) => l.authority.budget));
      expect(pic.budget!.max).toBe(max);
      expect(pic.budget!.width).toBeCloseTo((level.authority.budget / max) * pic.budget!.full, 6);
      expect(pic.decisions.count).toBe(level.authority.decisions.length);
      expect(pic.decisions.max).toBe(Math.max(...family.map((l) => l.authority.decisions.length)));
      expect(pic.decisions.dots.filter((d) => d.filled)).toHaveLength(level.authority.decisions.length);
      for (const dot of pic.decisions.dots) expect(dot.cx + pic.decisions.r).toBeLessThanOrEqual(pic.width);
    }
  });
});
