// Only browsers too old for JavaScript modules (and so for Spiegel) run this file; every
// other browser skips it without downloading it. It replaces "Spiegel laadt…" with a
// plain message. ES5 on purpose.
(function () {
  var shell = document.getElementById('loading');
  if (!shell) return;
  shell.className = 'loading loading--failed';
  shell.setAttribute('role', 'alert');
  shell.innerHTML =
    '<p lang="nl">Spiegel werkt niet in deze browser. Open de link in een nieuwere browser, zoals Chrome, Edge, Firefox of Safari.</p>' +
    '<p lang="en">Spiegel does not work in this browser. Open the link in a recent browser, such as Chrome, Edge, Firefox or Safari.</p>';
})();
