// A made-up provincial list shaped like the one of issue 16: 436 proposals in the import
// template's own columns (提案号 with the session in it, 标题, 提案人, 类别, 提交日期, 提案内容), the
// committee's own 14 categories and no handling-unit column. Deterministic: the same bytes every
// time. Every name and text here is invented.
//
//   import { provincialCsv, PROVINCIAL_CATEGORIES } from '../data/history_provincial.mjs';
//   node tests/data/history_provincial.mjs > /tmp/history_provincial.csv

export const PROVINCIAL_CATEGORIES = [
  '教育事业', '医疗卫生', '生态环境', '乡村振兴', '经济发展', '交通运输', '城乡建设',
  '社会保障', '文化旅游', '科技创新', '法治建设', '民族宗教', '对外开放', '其他',
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['伟', '芳', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚'];
const TOPICS = {
  教育事业: ['县域普通高中发展', '乡村教师队伍建设', '职业教育产教融合', '学前教育普惠发展'],
  医疗卫生: ['基层医疗机构能力提升', '紧密型县域医共体建设', '中医药传承创新', '公共卫生应急体系'],
  生态环境: ['长江流域生态保护', '农村生活污水治理', '大气污染联防联控', '湿地保护修复'],
  乡村振兴: ['农村集体经济发展', '高标准农田建设', '乡村人才振兴', '农产品冷链物流'],
  经济发展: ['民营经济高质量发展', '县域经济特色产业', '中小企业融资', '数字经济发展'],
  交通运输: ['城乡客运一体化', '农村公路养护', '内河航运发展', '综合交通枢纽建设'],
  城乡建设: ['城市更新行动', '老旧小区改造', '县城城镇化建设', '城市地下管网改造'],
  社会保障: ['养老服务体系建设', '灵活就业人员参保', '困难群众救助', '残疾人就业保障'],
  文化旅游: ['文旅融合发展', '非物质文化遗产保护', '红色旅游资源开发', '公共文化服务'],
  科技创新: ['科技成果转化', '企业研发投入', '创新平台建设', '科技人才引进'],
  法治建设: ['基层法治建设', '矛盾纠纷多元化解', '行政执法规范化', '法律援助服务'],
  民族宗教: ['民族地区特色产业', '民族团结进步创建', '少数民族传统文化保护', '民族地区教育发展'],
  对外开放: ['自由贸易试验区建设', '跨境电商发展', '外资企业服务', '国际物流通道'],
  其他: ['政务服务效能提升', '统计数据质量', '档案信息化建设', '机关事务节约'],
};

/** A small linear congruential generator: the same sequence on every run. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function csvCell(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The rows (without the header) as arrays of cells. */
export function provincialRows(count = 436) {
  const rnd = lcg(16);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const rows = [];
  for (let i = 1; i <= count; i++) {
    const category = PROVINCIAL_CATEGORIES[(i * 5 + Math.floor(rnd() * 3)) % PROVINCIAL_CATEGORIES.length];
    const topic = pick(TOPICS[category]);
    const names = [pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : '')];
    if (rnd() < 0.2) names.push(pick(SURNAMES) + pick(GIVEN));
    const day = 10 + (i % 6);
    const body =
      `近年来我省${topic}取得积极进展，但仍存在投入不足、机制不顺、基层力量薄弱等问题，` +
      `与群众期待还有差距。调研中发现，部分地区工作推进不平衡，政策落实“最后一公里”仍未打通。\n` +
      `具体建议：一是加强统筹协调，将${topic}纳入年度重点工作；二是加大财政投入，完善考核激励；` +
      `三是总结推广典型经验，形成长效机制。（第${i}件）`;
    rows.push([
      `十二届五次会议第${String(i).padStart(4, '0')}号`,
      `关于推进${topic}的建议（${i}）`,
      names.join('、'),
      category,
      `2016年1月${day}日`,
      body,
    ]);
  }
  return rows;
}

export const PROVINCIAL_HEADER = ['提案号', '标题', '提案人', '类别', '提交日期', '提案内容'];

/** The whole file as CSV text (with a BOM, CRLF line ends, as spreadsheet programs write it). */
export function provincialCsv(count = 436) {
  const lines = [PROVINCIAL_HEADER, ...provincialRows(count)].map((r) => r.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(provincialCsv());
