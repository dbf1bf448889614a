/**
 * Which printed words are a private person's name: a surname first, two to three characters (four
 * with a compound surname), not a unit, a post or a common word.
 */

/** Common single-character surnames (百家姓 and the most frequent modern ones). */
const SURNAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由饶谯'],
);

/**
 * Surnames that are also everyday words (国, 平, 全, 高…) are not enough without a label: a name
 * found only because a phone number follows it must start with one of these.
 */
const FREQUENT_SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付傅邹孟熊秦邱尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵钱严覃戴莫孔汤温康施樊葛邢冉']);

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '西门', '独孤', '南宫', '万俟', '闻人', '申屠', '澹台', '公冶', '太史', '钟离', '百里', '呼延', '东郭'];

/** A unit, not a person: 区交通局, 区政府办公室, 各乡镇… */
export const UNIT_SUFFIX = /(?:局|委|办|院|所|站|队|中心|公司|政府|办公室|部|厅|处|科|室|会|馆|街道|镇|乡|村|社区|指挥部|编辑部|集团|银行|医院|学校|协会)$/;

/** Words a label may be followed by that are no name (联系人：专人, 负责人：各单位…). */
const NOT_NAMES = /^(?:单位|专人|本人|个人|相关|有关|其他|全体|本单位|同志|主要|分管|各)/;

/** Posts and courtesy words printed after a name without a break: 张三同志, 李四科长. */
export const AFTER_NAME = /(?:同志|先生|女士|老师|科长|股长|主任|局长|处长|站长|部长|经理|书记|组长|联系|电话|手机|邮箱|电子|座机|传真|办公|地址|负责|区|市|县)/;

export function surnameLength(name: string): number {
  if (COMPOUND_SURNAMES.some((c) => name.startsWith(c))) return 2;
  return SURNAMES.has(name[0] ?? '') ? 1 : 0;
}

/** Is this the name of a person? `strict`: no label vouches for it, so the surname must be a frequent one. */
export function isPersonName(name: string, strict = false): boolean {
  const sl = surnameLength(name);
  if (sl === 0 || name.length < 2 || name.length > sl + 2) return false;
  if (strict && sl === 1 && !FREQUENT_SURNAMES.has(name[0]!)) return false;
  return !NOT_NAMES.test(name) && !UNIT_SUFFIX.test(name);
}

/** The name at the head of `run` (Han characters with no break), cut before a post or a label word. */
export function headName(run: string): string {
  const m = AFTER_NAME.exec(run.slice(2));
  return m ? run.slice(0, 2 + m.index) : run;
}
