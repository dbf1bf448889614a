// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add('js');
// 规范性文件库: re-sort as soon as the select changes (without JS the 排序 button submits).
for (const select of document.querySelectorAll('form.sort select')) {
  select.addEventListener('change', () => select.form.submit());
}
