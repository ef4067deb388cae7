// TriThức passkeys (WebAuthn): registering one on /account/second-factor, using one at the login's second step.
// A static file because the CSP forbids inline scripts; texts come from data-* attributes (message bundles).
(function () {
  'use strict';
  if (window.trithucPasskeys) {
    return;
  }
  window.trithucPasskeys = true;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function post(path, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      headers[header] = token;
    }
    return fetch(path, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function decode(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(function (credential) {
      return Object.assign({}, credential, { id: decode(credential.id) });
    });
  }

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials);
  }

  function show(box, text) {
    box.textContent = text;
    box.hidden = false;
  }

  async function register(form) {
    var error = document.getElementById('passkey-register-error');
    error.hidden = true;
    var label = form.querySelector('input[name="label"]').value.trim();
    if (!label) {
      show(error, form.dataset.labelMissing);
      return;
    }
    if (!supported()) {
      show(error, form.dataset.unsupported);
      return;
    }
    try {
      var optionsResponse = await post('/webauthn/register/options');
      if (!optionsResponse.ok) {
        throw new Error('options ' + optionsResponse.status);
      }
      var options = await optionsResponse.json();
      options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
      options.challenge = decode(options.challenge);
      options.excludeCredentials = descriptors(options.excludeCredentials);
      var created = await navigator.credentials.create({ publicKey: options });
      var response = created.response;
      var credential = {
        id: created.id,
        rawId: encode(created.rawId),
        response: {
          attestationObject: encode(response.attestationObject),
          clientDataJSON: encode(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        type: created.type,
        clientExtensionResults: created.getClientExtensionResults(),
        authenticatorAttachment: created.authenticatorAttachment
      };
      var verification = await post('/webauthn/register', { publicKey: { credential: credential, label: label } });
      var result = verification.ok ? await verification.json() : null;
      if (!result || !result.success) {
        throw new Error('registration ' + verification.status);
      }
      window.location.assign(form.dataset.done);
    } catch (e) {
      show(error, form.dataset.failed);
    }
  }

  async function authenticate(box) {
    var error = document.getElementById('passkey-login-error');
    error.hidden = true;
    if (!supported()) {
      show(error, box.dataset.unsupported);
      return;
    }
    try {
      var optionsResponse = await post('/webauthn/authenticate/options');
      if (!optionsResponse.ok) {
        throw new Error('options ' + optionsResponse.status);
      }
      var options = await optionsResponse.json();
      options.challenge = decode(options.challenge);
      options.allowCredentials = descriptors(options.allowCredentials);
      var assertion = await navigator.credentials.get({ publicKey: options });
      var response = assertion.response;
      var body = {
        id: assertion.id,
        rawId: encode(assertion.rawId),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined
        },
        type: assertion.type,
        clientExtensionResults: assertion.getClientExtensionResults(),
        authenticatorAttachment: assertion.authenticatorAttachment
      };
      var answer = await post('/login/webauthn', body);
      var result = await answer.json();
      if (result.redirectUrl) {
        window.location.assign(result.redirectUrl);
        return;
      }
      show(error, box.dataset.failed);
    } catch (e) {
      show(error, box.dataset.failed);
    }
  }

  // delegated: the account page may arrive through an htmx (boosted) navigation
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form && form.id === 'passkey-register') {
      event.preventDefault();
      register(form);
    }
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('#passkey-login') : null;
    if (button) {
      event.preventDefault();
      authenticate(document.getElementById('passkey-login-box'));
    }
  });
})();
