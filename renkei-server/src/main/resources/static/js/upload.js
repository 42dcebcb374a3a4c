// Drag and drop onto the upload box, and the transfer's own progress while the file is sent.
(function () {
  var form = document.getElementById('upload-form');
  if (!form || form.dataset.ready) { return; }
  form.dataset.ready = 'yes';
  var zone = document.getElementById('drop-zone');
  var input = document.getElementById('upload-file');
  var transfer = document.getElementById('upload-transfer');
  ['dragenter', 'dragover'].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      form.requestSubmit();
    }
  });
  form.addEventListener('htmx:xhr:progress', function (e) {
    if (e.detail && e.detail.lengthComputable) {
      transfer.hidden = false;
      transfer.value = Math.round(e.detail.loaded * 100 / e.detail.total);
    }
  });
})();
