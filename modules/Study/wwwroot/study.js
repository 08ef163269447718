// Taking a test: each answer is posted as it is given, the countdown submits at the end, and leaving a closed-book
// test's page is noted. Without this script the form still works: everything is saved when it is submitted.
(function () {
    'use strict';
    var form = document.getElementById('test-form');
    if (!form) return;
    var token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    var status = document.getElementById('save-status');
    var pending = {};
    var timers = {};
    var submitting = false;

    function show(key) { if (status) status.textContent = status.getAttribute('data-' + key) || ''; }

    function valueOf(fieldset) {
        var inputs = fieldset.querySelectorAll('input');
        var values = [];
        inputs.forEach(function (i) {
            if (i.type === 'radio' || i.type === 'checkbox') { if (i.checked) values.push(i.value); }
            else values.push(i.value);
        });
        return values.join('');
    }

    function post(url, data) {
        var body = new FormData();
        body.append('__RequestVerificationToken', token);
        Object.keys(data).forEach(function (k) { body.append(k, data[k]); });
        return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', keepalive: true });
    }

    function send(question) {
        var value = pending[question];
        if (value === undefined) return;
        show('saving');
        post(form.getAttribute('data-save-url'), { question: question, value: value }).then(function (r) {
            if (r.status === 409) { submitting = true; window.location.href = form.getAttribute('data-result-url'); return; }
            if (!r.ok) throw new Error(String(r.status));
            // Only what was sent is done: a change made meanwhile is still pending.
            if (pending[question] === value) delete pending[question];
            show(Object.keys(pending).length ? 'saving' : 'saved');
        }).catch(function () { show('failed'); });
    }

    function changed(fieldset, delay) {
        var question = fieldset.getAttribute('data-question');
        pending[question] = valueOf(fieldset);
        clearTimeout(timers[question]);
        timers[question] = setTimeout(function () { send(question); }, delay);
    }

    form.addEventListener('change', function (e) {
        var fs = e.target.closest('fieldset[data-question]');
        if (fs) changed(fs, 0);
    });
    form.addEventListener('input', function (e) {
        var fs = e.target.closest('fieldset[data-question]');
        if (fs && e.target.type === 'text') changed(fs, 800);
    });
    window.addEventListener('online', function () { Object.keys(pending).forEach(send); });
    form.addEventListener('submit', function () { submitting = true; });

    var countdown = document.getElementById('countdown');
    if (countdown) {
        var left = parseInt(countdown.getAttribute('data-seconds'), 10) || 0;
        var tick = function () {
            if (left <= 0) {
                clearInterval(timer);
                // Time is up: the form goes as it stands (the server has submitted it already if the page was away).
                form.removeAttribute('data-confirm');
                if (!submitting) { submitting = true; form.submit(); }
                return;
            }
            left--;
            countdown.textContent = Math.floor(left / 60) + ':' + ('0' + (left % 60)).slice(-2);
        };
        var timer = setInterval(tick, 1000);
    }

    var leftUrl = form.getAttribute('data-left-url');
    if (leftUrl) {
        document.addEventListener('visibilitychange', function () {
            if (document.visibilityState === 'hidden' && !submitting) post(leftUrl, {});
        });
    }
})();
