// Small progressive enhancements; every page works without them.
document.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
  s.addEventListener('change', function () { s.form.submit(); });
  var button = s.form.querySelector('button[type=submit]');
  if (button) button.classList.add('visually-hidden');
});
document.querySelectorAll('form[data-confirm]').forEach(function (f) {
  f.addEventListener('submit', function (e) {
    if (!window.confirm(f.getAttribute('data-confirm'))) e.preventDefault();
  });
});
// File inputs in the portal's language: browsers label them by their own locale ("Choose Files"). The real input stays in
// the form (name, accept, multiple, validation classes), keeps the focus and the clicks (it lies over the button,
// transparent), and a line beside it names the chosen files. Texts come from the layout (the host's resources).
(function () {
  var body = document.body;
  var chooseText = body.getAttribute('data-file-choose') || 'Choose files';
  var noneText = body.getAttribute('data-file-none') || 'No file chosen';
  var separator = body.getAttribute('data-file-separator') || ', ';
  var count = 0;
  function enhance(input) {
    if (input.closest('.file-picker')) return;
    var picker = document.createElement('div');
    picker.className = 'file-picker';
    if (input.classList.contains('input-validation-error') || input.classList.contains('is-invalid')) picker.classList.add('file-picker-invalid');
    var button = document.createElement('span');
    button.className = 'btn btn-outline-secondary file-picker-button';
    button.setAttribute('aria-hidden', 'true');
    button.textContent = chooseText;
    var names = document.createElement('span');
    names.className = 'file-picker-names';
    names.id = (input.id || 'file') + '-chosen-' + (++count);
    names.setAttribute('aria-live', 'polite');
    input.parentNode.insertBefore(picker, input);
    picker.appendChild(input);
    picker.appendChild(button);
    picker.appendChild(names);
    input.classList.add('file-picker-input');
    var described = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', (described ? described + ' ' : '') + names.id);
    function show() {
      var files = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
      names.textContent = files.length ? files.join(separator) : noneText;
      picker.classList.toggle('file-picker-chosen', files.length > 0);
    }
    input.addEventListener('change', show);
    if (input.form) input.form.addEventListener('reset', function () { setTimeout(show, 0); });
    show();
  }
  document.querySelectorAll('input[type=file]').forEach(enhance);
})();
