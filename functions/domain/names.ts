/** Made-up Chinese names and schools for seeded demo data (never real people). */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅文辉建国志红斌波宁欣怡婷雪琳晨浩宇子涵佳慧晓燕春海峰云飞翠凤丹丽琴';
const PLACES = ['阳光', '育才', '实验', '城东', '城西', '滨江', '桃园', '青山', '明德', '启智', '春晖', '新华', '东湖', '南湖', '光明'];
const KINDS = ['小学', '中学', '初级中学', '职业学校', '幼儿园'];

/** A small deterministic PRNG so a seed is reproducible from its number. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function uniqueNames(count: number, random: () => number): string[] {
  const seen = new Set<string>();
  const pick = (s: string) => s[Math.floor(random() * s.length)]!;
  while (seen.size < count) {
    const given = random() < 0.45 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
    const name = pick(SURNAMES) + given;
    seen.add(name);
  }
  return [...seen];
}

export function schoolName(random: () => number): string {
  const place = PLACES[Math.floor(random() * PLACES.length)]!;
  const kind = KINDS[Math.floor(random() * KINDS.length)]!;
  return `${place}${kind}`;
}

export const RETIRED_GROUP = '退休组';
export const GROUP_NAMES = ['语文组', '数学组', '英语组', '综合组', '后勤组', '体艺组', '科学组', RETIRED_GROUP];
export const groupName = (i: number) => GROUP_NAMES[i] ?? `第${i + 1}小组`;
