/**
 * The 问答库 answers for units, never for a private person: a mobile number, a 联系人/经办人 line or
 * a name with 先生/女士/同志 is a person's. (The personal-data detector of src/extract/privacy*.ts
 * covers more; this is the narrow check a drafted answer must pass.)
 */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const CONTACT_PERSON = /联系人|经办人|负责人[：:]|[\u4e00-\u9fa5](?:先生|女士|同志)(?![\u4e00-\u9fa5]*(?:单位|部门))/;

export function namesPrivatePerson(text: string): boolean {
  return MOBILE.test(text) || CONTACT_PERSON.test(text);
}
