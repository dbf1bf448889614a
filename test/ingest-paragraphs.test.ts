/** Paragraph rebuilding from narrow columns, and leaving one-paragraph-per-line text alone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { removeArtefacts } from '../src/ingest/artefacts.js';
import { detectColumn, rebuildParagraphs } from '../src/ingest/paragraphs.js';
import { sampleLines } from './ingest-sample-lines.js';

const texts = (lines: string[]): string[] => rebuildParagraphs(lines).map((p) => p.text);

describe('rebuildParagraphs', () => {
  it('detects the narrow column of 000_ and the one-line paragraphs of 002_', () => {
    assert.equal(detectColumn(sampleLines('000', 1, 4111)).narrow, true);
    assert.equal(detectColumn(sampleLines('001', 1, 907)).narrow, true);
    assert.equal(detectColumn(sampleLines('002', 74, 300)).narrow, false);
    // A short slice of 003_ (its longest lines are single paragraphs) is still wide.
    assert.equal(detectColumn(sampleLines('003', 790, 810)).narrow, false);
  });

  it('joins 有\\n\\n关单位 and the covering notice of 武隆府发〔2023〕1号 into its paragraphs', () => {
    const p = texts(sampleLines('000', 18, 36));
    assert.deepEqual(p, [
      '重庆市武隆区人民政府文件',
      '武隆府发〔2023〕1号',
      '各街道办事处，各乡镇人民政府，区政府各部门，有关单位：',
      '《武隆区政府工作报告》已经重庆市武隆区第十九届人民代表大会第三次会议审议通过，现印发给你们，请认真贯彻落实。',
      '重庆市武隆区人民政府',
      '2023年2月6日',
      '（此件公开发布）',
    ]);
  });

  it('joins a date and a 文号 cut by the column (2023年12月\\n\\n31日, 发改运行\\n\\n〔2022〕1918号)', () => {
    const date = texts(sampleLines('000', 2169, 2171));
    assert.deepEqual(date, ['（三）普查时间。普查标准时点为2023年12月31日，普查时期资料为2023年年度资料。']);
    const num = texts(sampleLines('000', 2680, 2686)).join('');
    assert.match(num, /《关于全力做好2023年春运工作的意见》（发改运行〔2022〕1918号）、《国务院/);
  });

  it('keeps a numbered heading line apart, and joins a long one cut mid-word', () => {
    assert.equal(texts(sampleLines('000', 513, 517))[1], '二、2023年重点工作');
    const p = texts(sampleLines('000', 610, 616));
    assert.match(p[0]!, /^（一）全面主动融入成渝地区双城经济圈建设。抢抓重大战略机遇，找准结合点、切入点、发力点/);
  });

  it('joins the attachment list with its indented continuations and （略）', () => {
    const p = texts(sampleLines('000', 3708, 3718));
    assert.deepEqual(p, [
      '附件：1. 电子商务产业提质增效重点项目表（略）2. 武隆区电商产业提质增效目标任务分解表（略）3. 武隆区电商产业提质增效工作目标任务分解表（略）',
    ]);
  });

  it('collapses a vertical one-character-per-line masthead', () => {
    assert.deepEqual(texts(sampleLines('000', 5, 16)), ['重庆市武隆区人民政府文件']);
  });

  it('keeps speaker and signature lines apart from the line above', () => {
    const p = texts(sampleLines('000', 78, 84));
    assert.equal(p[1], '——2023年1月31日在重庆市武隆区第十九届人民代表大会第三次会议上');
    assert.equal(p[2], '重庆市武隆区人民政府区长  左军');
  });

  it('does not merge one-paragraph-per-line text (002_ list items), but joins a stray break', () => {
    const items = texts(sampleLines('002', 86, 97));
    assert.equal(items.length, 10);
    assert.equal(items[1], '- 未经许可携带火种进入林区；');
    const notice = texts(sampleLines('002', 160, 170));
    assert.deepEqual(notice, [
      '各街道办事处，各乡镇人民政府，区政府各部门，有关单位：',
      '《武隆区突发重大动物疫情应急预案》已经区政府同意，现印发给你们，请认真贯彻执行。',
      '重庆市武隆区人民政府办公室',
      '2024年4月8日',
      '（此件公开发布）',
    ]);
  });

  it('joins a wide paragraph cut across a blank line (口蹄疫疫情…1个以\\n\\n上、7个以下)', () => {
    const p = texts(sampleLines('002', 226, 232));
    assert.ok(p.includes('口蹄疫疫情：14日内在武隆区和市内其他1个以上、7个以下区县发生，或在我区有5个以上、30个以下疫点。'));
  });

  it('rebuilds the run-in paragraphs of the 001_ report fragment', () => {
    const p = texts(sampleLines('001', 1, 26));
    assert.equal(p.length, 2);
    assert.match(p[0]!, /^推动生态工业延链强链。深入推进“2332”现代化制造业体系建设，招引项目7 个以上/);
  });
});

describe('rebuildParagraphs: colons', () => {
  it('ends the addressees at ： even when the next paragraph starts with a year (000_ 武隆府办发〔2023〕6号)', () => {
    const p = texts(sampleLines('000', 2674, 2680));
    assert.equal(p[0], '各街道办事处，各乡镇人民政府，区政府各部门，有关单位：');
    assert.match(p[1]!, /^2023年春运从1月7日开始，至2月15日结束，共计40天。/);
  });
});

describe('rebuildParagraphs: headings in narrow columns', () => {
  it('keeps a first-level heading that nearly fills the line on its own (000_ 一、提高站位…)', () => {
    const p = texts(sampleLines('000', 2702, 2708));
    assert.equal(p[0], '一、提高站位，高度重视2023年春运工作');
    assert.match(p[1]!, /^2023年是全面贯彻落实党的二十大精神的开局之年/);
  });
});

describe('rebuildParagraphs: wide text cut mid-line', () => {
  it('joins a list of units cut after 、 (002_ 区政府领导同志工作分工)', () => {
    const p = texts(sampleLines('002', 1600, 1760)).find((t) => t.startsWith('分管区政府办公室（区政府外办）'));
    assert.match(p!, /区发展改革委（区国动办）、区财政局/);
  });
});

describe('rebuildParagraphs: titles', () => {
  it('keeps a full-width title line apart from the text after it', () => {
    const lines = ['重庆市武隆区人民政府文件', '', '武隆府发〔2024〕9号', '', '重庆市武隆区人民政府关于发布森林防火禁火令的通告', '',
      '为有效预防和遏制森林火灾，现将有关事项通告如下：', '', '一、禁火时间：每年1月1日至5月10日。'];
    assert.equal(detectColumn(lines).narrow, true);
    assert.deepEqual(texts(lines).slice(2, 4), ['重庆市武隆区人民政府关于发布森林防火禁火令的通告', '为有效预防和遏制森林火灾，现将有关事项通告如下：']);
  });
});

describe('rebuildParagraphs: open brackets', () => {
  it('joins a line that leaves 《 open (004_ 《江口镇\\n\\n志》)', () => {
    const i = sampleLines('004', 1, 1682).findIndex((l) => l.endsWith('《江口镇'));
    const p = texts(sampleLines('004', i + 1, i + 3));
    assert.deepEqual(p.length, 1);
    assert.match(p[0]!, /《江口镇志》《平桥镇志》/);
  });
});

describe('rebuildParagraphs: sentences cut by a page break with no punctuation', () => {
  // Each slice is read with the column of its whole document, as buildDocument does.
  const wide = detectColumn(sampleLines('002', 154, 563));
  const cut = (id: string, from: number, to: number): string[] => rebuildParagraphs(sampleLines(id, from, to), wide).map((p) => p.text);
  it('joins a wide line cut mid-word (002_ 由重庆市武隆\\n\\n区防治动物重大疫病指挥部…)', () => {
    const p = cut('002', 266, 270);
    assert.equal(p.length, 2);
    assert.equal(p[0], '2.2 区级组织指挥机构');
    assert.match(p[1]!, /^全区突发重大动物疫情应对工作由重庆市武隆区防治动物重大疫病指挥部（以下简称区指挥部）负责统筹/);
  });

  it('joins a numbered item whose siblings are sentences ((4)…具体组织做好\\n\\n应急处置工作，…)', () => {
    const p = cut('002', 455, 461);
    assert.equal(p.length, 3);
    assert.match(p[1]!, /^\(3\) 区指挥部各成员单位按照职责分工做好疫情应急处置工作。$/);
    assert.match(p[2]!, /^\(4\) 乡镇人民政府、街道办事处具体组织做好应急处置工作，落实封锁/);
    assert.match(cut('002', 1285, 1291)[2]!, /^\(3\) 规划自然资源、水利、林业、气象、地震等部门及时将监测到的/);
    const law = cut('003', 300, 306);
    assert.deepEqual(law.map((t) => t.slice(0, 4)), ['（四）由', '（五）由', '（六）法']);
    assert.match(law[1]!, /组织实施的对危房集中、基础设施落后等地段进行旧城区改建的需要；$/);
  });

  it('joins an unnumbered line cut before its object (003_ 产权调换多套\\n\\n住宅的，; 002_ 运营管理\\n\\n工作。)', () => {
    assert.match(cut('003', 490, 494)[1]!, /^按本实施办法第三十八条规定实施产权调换多套住宅的，前款规定/);
    assert.ok(cut('002', 1645, 1650).includes('副区长李博 负责供销、机场建设和运营管理工作。协助分管巩固拓展脱贫攻坚成果同乡村振兴有效衔接、旅游营销工作。'));
  });

  it('keeps titles, headings and list entries on their own lines', () => {
    assert.deepEqual(cut('002', 1604, 1608).slice(0, 2), ['（此件公开发布）', '区政府领导同志工作分工']);
    assert.equal(cut('002', 1694, 1704).length, 6);
    assert.deepEqual(cut('003', 210, 213), ['牵头领导：刘 印', '牵头单位：区文化旅游委']);
  });

  it('measures a line with its jump marker: 000_ （上接第18页）（五）…应当自\\n\\n觉遵守 is one sentence', () => {
    const { lines } = removeArtefacts(sampleLines('000', 3719, 3723));
    const p = rebuildParagraphs(lines.map((l) => l.text), detectColumn(sampleLines('000', 1, 4111)), sampleLines('000', 3719, 3723)).map((x) => x.text);
    assert.deepEqual(p, ['（五）任何单位和个人应当自觉遵守《条例》规定。', '（六）对违反《条例》等法律法规和本通告规']);
  });
});

describe('rebuildParagraphs: lists of people and labelled entries', () => {
  const wide = detectColumn(sampleLines('003', 1369, 1425));
  const cut = (id: string, from: number, to: number): string[] => rebuildParagraphs(sampleLines(id, from, to), wide).map((p) => p.text);

  it('keeps each member on its own line though no blank line separates them (003_ 武隆府办发〔2023〕20号)', () => {
    const p = cut('003', 1379, 1418);
    assert.equal(p[0], '一、组成人员');
    assert.equal(p[1], '组 长：刘高永 区委常委、区政府常务副区长');
    assert.equal(p[3], '陈 念 区委宣传部副部长');
    assert.equal(p[34], '谢腾蛟 中邮武隆区分公司副总经理');
    assert.match(p[35]!, /^领导小组办公室设在区统计局，负责领导小组/);
    assert.equal(p[36], '二、主要职责');
  });

  it('keeps members apart in 004_ (副组长：…主任 / 程建平 区水利局局长 / 成 员：…)', () => {
    const p = cut('004', 1524, 1531);
    assert.deepEqual(p.slice(1, 3), ['组 长：陈清松 区政府副区长', '副组长：张富伦 区政府办公室党组成员、金融服务中心主任']);
    assert.equal(p[3], '程建平 区水利局局长');
    assert.match(p[4]!, /^成 员：区发展改革委、区教委/);
  });

  it('keeps labelled entries of one-paragraph-per-line text apart (003_ 指挥长：… / 常务副指挥长：…)', () => {
    const p = cut('003', 1689, 1697);
    assert.deepEqual(p.map((t) => t.split('：')[0]), ['一、防汛抗旱指挥部', '指挥长', '常务副指挥长', '副指挥长', '成员']);
  });
});
