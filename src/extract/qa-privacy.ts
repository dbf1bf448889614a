/**
 * The 问答库 answers for units, never for a private person. A drafted answer (with its clause) is
 * refused when the personal-data detector (privacy.ts) finds anything private in it, and also on
 * the narrower signs a unit's answer never carries: any mobile number (even after a 咨询电话 label,
 * which the detector counts as a public line), a 联系人/经办人 line, a name with 先生/女士/同志.
 */
import { findPersonalData } from './privacy.js';

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const CONTACT_PERSON = /联系人|经办人|负责人[：:]|[\u4e00-\u9fa5](?:先生|女士|同志)(?![\u4e00-\u9fa5]*(?:单位|部门))/;

export function namesPrivatePerson(text: string): boolean {
  return MOBILE.test(text) || CONTACT_PERSON.test(text) || findPersonalData(text).length > 0;
}
