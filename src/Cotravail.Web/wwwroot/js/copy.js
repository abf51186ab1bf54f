// « Copier » buttons: <button data-copy="ID of a field" data-copy-status="ID of a role=status element" hidden>.
// The button stays hidden without JavaScript or without the Clipboard API: the field remains there to select by hand.
(function () {
  'use strict';
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var say = function (key) {
        if (status) {
          status.textContent = '';
          // Emptied then written again: a second copy is announced too.
          window.setTimeout(function () { status.textContent = status.getAttribute(key) || ''; }, 50);
        }
      };
      navigator.clipboard.writeText(field.value).then(function () { say('data-done'); }, function () {
        field.focus();
        field.select();
        say('data-failed');
      });
    });
  });
})();
