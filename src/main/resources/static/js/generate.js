// The wizard's "Generate codes": the pattern's number of combinations and a few sample codes, live,
// computed here as the server does (# a digit, ? one of 32 unambiguous characters); the server checks again.
(function () {
  const pattern = document.getElementById('pattern');
  const count = document.getElementById('count');
  const combinationsOut = document.getElementById('pattern-combinations');
  const samplesOut = document.getElementById('pattern-samples');
  if (!pattern || !count) return;
  const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

  function combinations(text) {
    let n = 1n;
    for (const c of text) {
      if (c === '#') n *= 10n;
      else if (c === '?') n *= 32n;
    }
    return n;
  }

  function randomIndex(range) {
    const byte = new Uint8Array(1);
    const limit = 256 - (256 % range);
    do { crypto.getRandomValues(byte); } while (byte[0] >= limit);
    return byte[0] % range;
  }

  function sample(text) {
    let code = '';
    for (const c of text) {
      code += c === '#' ? String(randomIndex(10)) : c === '?' ? ALPHABET[randomIndex(32)] : c;
    }
    return code;
  }

  // the server's refusal stays until the user changes what it refused; then the live check takes over
  let serverSaid = document.getElementById('pattern-error') || document.getElementById('count-error');

  function clearServerErrors() {
    ['pattern-error', 'count-error'].forEach(id => document.getElementById(id)?.remove());
    pattern.classList.remove('invalid');
    count.classList.remove('invalid');
    serverSaid = null;
  }

  function update() {
    const text = pattern.value.trim();
    samplesOut.replaceChildren();
    combinationsOut.classList.remove('error');
    if (!text) {
      combinationsOut.textContent = '';
      return;
    }
    if (/\s/.test(text) || text.length > 64) {
      combinationsOut.textContent = 'A pattern has no spaces and at most 64 characters.';
      combinationsOut.classList.add('error');
      return;
    }
    const n = combinations(text);
    const wanted = BigInt((count.value.replace(/[,_\s]/g, '').match(/^\d+$/) || ['0'])[0]);
    const enough = n / 10n;
    let message = n.toLocaleString('en') + ' different codes: enough for up to ' + enough.toLocaleString('en')
        + (enough === 1n ? ' code' : ' codes') + ' (a pattern needs 10 times the codes asked for).';
    if (wanted > 0n && wanted * 10n > n && !serverSaid) {
      message = 'Too small: ' + n.toLocaleString('en') + ' different codes can\u2019t give ' + wanted.toLocaleString('en')
          + ' (it needs ' + (wanted * 10n).toLocaleString('en') + '). Add # or ? to the pattern.';
      combinationsOut.classList.add('error');
    }
    combinationsOut.textContent = message;
    for (let i = 0; i < 3; i++) {
      const code = document.createElement('code');
      code.textContent = sample(text);
      samplesOut.appendChild(code);
    }
  }

  pattern.addEventListener('input', () => { clearServerErrors(); update(); });
  count.addEventListener('input', () => { clearServerErrors(); update(); });
  update();

  // while Generate codes is open, generating is the page's main action
  const section = document.getElementById('generate');
  const generate = document.getElementById('generate-codes');
  const next = document.getElementById('next-source');
  function emphasise() {
    generate.classList.toggle('btn-primary', section.open);
    next.classList.toggle('btn-primary', !section.open);
  }
  section.addEventListener('toggle', emphasise);
  emphasise();
})();
