/*
 * <yaml-editor>: the console's YAML editor and viewer, CodeMirror 5 from the WebJar
 * org.webjars.npm:codemirror (served by Spring Boot under /webjars). Java side:
 * org.wasmconsole.base.ui.YamlEditor.
 *
 * Plain script, no imports: Vaadin loads it with @JavaScript, and anything that would make Vaadin
 * rebuild its frontend bundle (@JsModule, npm packages) fails on our build machines.
 * Light DOM on purpose: CodeMirror's style sheets are global and must reach the editor.
 *
 * Properties (set by Flow):
 *   value        the text. Setting it never fires value-changed; the user's edits fire
 *                value-changed 300 ms after the last keystroke and at once on blur.
 *   readonly     viewer mode: selectable and copyable, no cursor, Tab leaves at once.
 *   markers      [{line, column?, message, severity: 'error'|'warning'}], 1-based, shown in the
 *                lint gutter (hover for the message) and read out to screen readers.
 *   placeholder, accessibleName, accessibleNameRef (forwarded to CodeMirror's input element).
 *
 * Keyboard: Tab indents with spaces and Shift-Tab outdents, as in any code editor. So that
 * keyboard users are never trapped: Esc and then Tab / Shift-Tab moves focus on to the next /
 * previous element; Shift-Tab with the cursor at the start of a line leaves too; in read-only
 * mode Tab always moves on.
 */
(() => {
  'use strict';
  if (customElements.get('yaml-editor')) return;

  // Must match the codemirror WebJar version in pom.xml (YamlEditorTest fails if it does not).
  const CODEMIRROR_VERSION = '5.65.19';
  const DEBOUNCE_MS = 300;
  const LIGHT_THEME = 'default';
  const DARK_THEME = 'material-darker';

  // Resolve /webjars against this script's own URL, so a servlet context path just works.
  const here = (document.currentScript && document.currentScript.src) || new URL('frontend/', document.baseURI).href;
  const webjar = new URL(`../webjars/codemirror/${CODEMIRROR_VERSION}/`, here);
  const STYLES = ['lib/codemirror.css', 'addon/lint/lint.css', `theme/${DARK_THEME}.css`];
  const SCRIPTS = ['lib/codemirror.js', 'mode/yaml/yaml.js', 'addon/lint/lint.js', 'addon/display/placeholder.js'];

  let loading = null;

  /** Loads CodeMirror once per page; every editor awaits the same promise. */
  function loadCodeMirror() {
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const started = performance.now();
        const tag = (name, attributes, before) => new Promise((loaded, failed) => {
          const element = Object.assign(document.createElement(name), attributes);
          element.addEventListener('load', loaded);
          element.addEventListener('error', () => failed(new Error(`yaml-editor: cannot load ${attributes.href || attributes.src}`)));
          document.head.insertBefore(element, before || null);
        });
        // CodeMirror's CSS goes before every other style sheet, so that the console's own
        // rules (yaml-editor.css, loaded by Flow) win over it whatever the load order.
        const first = document.head.querySelector('link[rel="stylesheet"], style');
        const styles = STYLES.map(path => tag('link', { rel: 'stylesheet', href: new URL(path, webjar).href }, first));
        // Downloaded in parallel, run in order (async = false): the add-ons need CodeMirror.
        const scripts = SCRIPTS.map(path => tag('script', { src: new URL(path, webjar).href, async: false }));
        Promise.all([...styles, ...scripts]).then(() => {
          // A redirect to the login page would "load" an HTML page: check what really arrived.
          if (!window.CodeMirror || !CodeMirror.modes.yaml || !CodeMirror.prototype.performLint) {
            throw new Error('yaml-editor: CodeMirror loaded without its YAML mode or lint add-on');
          }
          performance.measure('yaml-editor:codemirror-load', { start: started, end: performance.now() });
          resolve(window.CodeMirror);
        }).catch(reject);
      });
    }
    return loading;
  }

  // Lumo's dark theme is the `theme` attribute on <html>; `light-dark` follows the OS.
  const prefersDark = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => {
    const theme = (document.documentElement.getAttribute('theme') || '').split(/\s+/);
    return theme.includes('dark') || (theme.includes('light-dark') && prefersDark.matches);
  };
  const editors = new Set();
  let themeObserver = null;
  function watchTheme() {
    if (themeObserver) return;
    const update = () => editors.forEach(editor => editor._applyTheme());
    themeObserver = new MutationObserver(update);
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    prefersDark.addEventListener('change', update);
  }

  let ids = 0;

  class YamlEditor extends HTMLElement {
    constructor() {
      super();
      this._value = '';
      this._readonly = false;
      this._markers = [];
      this._placeholder = '';
      this._accessibleName = '';
      this._accessibleNameRef = '';
      this._cm = null;
      this._timer = null;
      this._dirty = false;
      this._escaped = false;
      this._problemsId = `yaml-editor-problems-${++ids}`;
    }

    connectedCallback() {
      // Flow may set properties before this script has upgraded the element.
      ['value', 'readonly', 'markers', 'placeholder', 'accessibleName', 'accessibleNameRef'].forEach(name => {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      });
      this.toggleAttribute('readonly', this._readonly);
      editors.add(this);
      watchTheme();
      if (this._cm) {
        this._resizes.observe(this);
        this._applyTheme();
      } else if (!this._loading) {
        this._loading = loadCodeMirror().then(CodeMirror => this._create(CodeMirror)).catch(error => this._failed(error));
      }
    }

    disconnectedCallback() {
      this._flush();
      editors.delete(this);
      if (this._resizes) this._resizes.disconnect();
    }

    get value() { return this._value; }
    set value(value) {
      value = value == null ? '' : String(value);
      this._value = value;
      const cm = this._cm;
      if (!cm) {
        if (this._fallback) this._fallback.textContent = value;
        return;
      }
      // The server's value wins over edits not sent yet (it was set after them, e.g. a reset).
      clearTimeout(this._timer);
      this._dirty = false;
      if (cm.getValue() === value.replace(/\r\n?/g, '\n')) return;
      const scroll = cm.getScrollInfo();
      const cursor = cm.getCursor();
      const focused = cm.hasFocus();
      cm.operation(() => {
        cm.setValue(value); // change origin "setValue": ignored by the change handler
        if (focused) cm.setCursor(cursor);
        cm.scrollTo(scroll.left, scroll.top); // a live preview must not jump to the top
      });
      // A value loaded while the user is elsewhere is a new start: Ctrl-Z must not undo it.
      if (!focused) cm.clearHistory();
      cm.performLint(); // setValue drops the gutter markers; the markers still apply to the new text
    }

    get readonly() { return this._readonly; }
    set readonly(readonly) {
      this._readonly = !!readonly;
      if (this.isConnected) this.toggleAttribute('readonly', this._readonly);
      if (this._cm) {
        this._cm.setOption('readOnly', this._readonly);
        this._cm.getInputField().setAttribute('aria-readonly', String(this._readonly));
      }
    }
    get readOnly() { return this.readonly; }
    set readOnly(readonly) { this.readonly = readonly; }

    get markers() { return this._markers; }
    set markers(markers) {
      if (typeof markers === 'string') {
        try { markers = JSON.parse(markers); } catch (e) { markers = []; }
      }
      this._markers = Array.isArray(markers) ? markers : [];
      if (this._cm) {
        this._cm.performLint();
        this._describeProblems();
      }
    }

    get placeholder() { return this._placeholder; }
    set placeholder(placeholder) {
      this._placeholder = placeholder || '';
      if (this._cm) this._cm.setOption('placeholder', this._placeholder);
    }

    get accessibleName() { return this._accessibleName; }
    set accessibleName(name) {
      this._accessibleName = name || '';
      if (this._cm) this._cm.setOption('screenReaderLabel', this._accessibleName || null);
    }

    get accessibleNameRef() { return this._accessibleNameRef; }
    set accessibleNameRef(ids) {
      this._accessibleNameRef = ids || '';
      if (this._cm) this._setInputAttribute('aria-labelledby', this._accessibleNameRef);
    }

    /** The CodeMirror instance, for code that needs more than the properties (null until loaded). */
    get codeMirror() { return this._cm; }

    focus() {
      if (this._cm) this._cm.focus();
    }

    _create(CodeMirror) {
      const cm = this._cm = CodeMirror(this, {
        value: this._value,
        mode: 'yaml',
        theme: isDark() ? DARK_THEME : LIGHT_THEME,
        lineNumbers: true,
        gutters: ['CodeMirror-lint-markers', 'CodeMirror-linenumbers'],
        // Markers come from the server's validation, not from a linter in the page: they are
        // redrawn when the server sends them (or a new value), and in between they move with
        // their lines as the user edits.
        // The lint add-on asks for annotations while CodeMirror is still being built (markers set
        // before the element was attached): use the editor it passes, not this._cm.
        lint: { getAnnotations: (text, options, editor) => this._annotations(CodeMirror, editor),
          lintOnChange: false, highlightLines: true },
        placeholder: this._placeholder,
        readOnly: this._readonly,
        screenReaderLabel: this._accessibleName || null,
        // The hidden-textarea input, not "contenteditable": in that mode a select-all then type or paste
        // lets the browser delete CodeMirror's gutter nodes, and every later edit fails (removeChild).
        inputStyle: 'textarea',
        indentUnit: 2,
        tabSize: 2,
        indentWithTabs: false, // YAML forbids tabs for indentation
        extraKeys: {
          Tab: () => {
            if (cm.somethingSelected()) cm.indentSelection('add');
            else cm.execCommand('insertSoftTab');
          },
          'Shift-Tab': () => cm.indentSelection('subtract'),
        },
      });
      // Runs before CodeMirror's key maps. A Tab that should leave is marked `codemirrorIgnore`:
      // CodeMirror then leaves it to the browser, which moves the focus (returning
      // CodeMirror.Pass from extraKeys would only hand it on to the default key map).
      cm.on('keydown', (_, event) => {
        if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
          const atLineStart = !cm.somethingSelected() && cm.getCursor().ch === 0;
          if (this._escaped || cm.isReadOnly() || (event.shiftKey && atLineStart)) event.codemirrorIgnore = true;
        } else if (event.key === 'Escape') {
          this._escaped = true; // arms the way out for the next Tab
        } else if (event.key !== 'Shift') {
          this._escaped = false;
        }
      });
      cm.on('changes', (_, changes) => {
        if (changes.every(change => change.origin === 'setValue')) return; // from the server
        this._dirty = true;
        clearTimeout(this._timer);
        this._timer = setTimeout(() => this._flush(), DEBOUNCE_MS);
      });
      cm.on('blur', () => {
        this._escaped = false;
        this._flush();
      });

      const input = cm.getInputField();
      input.setAttribute('role', 'textbox');
      input.setAttribute('aria-multiline', 'true');
      input.setAttribute('aria-readonly', String(this._readonly));
      this._setInputAttribute('aria-labelledby', this._accessibleNameRef);
      // The gutter is aria-hidden in CodeMirror: the markers are also described in words.
      this._problems = document.createElement('div');
      this._problems.id = this._problemsId;
      this._problems.className = 'yaml-editor-problems';
      this.appendChild(this._problems);
      this._describeProblems();

      // Height comes from CSS: CodeMirror fills the host and must re-measure when it resizes
      // (also when a hidden tab becomes visible, or after fonts load).
      this._resizes = new ResizeObserver(() => cm.refresh());
      if (this.isConnected) this._resizes.observe(this);
      document.fonts.ready.then(() => cm.refresh());
      this._applyTheme();
      cm.clearHistory();
      this.dispatchEvent(new CustomEvent('yaml-editor-ready'));
    }

    _failed(error) {
      // Keep the text readable even without CodeMirror (e.g. /webjars blocked on a public page).
      console.error(error);
      this._fallback = document.createElement('pre');
      this._fallback.className = 'yaml-editor-fallback';
      this._fallback.textContent = this._value;
      this.appendChild(this._fallback);
    }

    /** Sends the user's edits to the server, if there are any not sent yet. */
    _flush() {
      clearTimeout(this._timer);
      this._timer = null;
      if (!this._cm || !this._dirty) return;
      this._dirty = false;
      const value = this._cm.getValue();
      if (value === this._value) return;
      this._value = value;
      // Flow reads the `value` property when it sees this event (AbstractSinglePropertyField).
      this.dispatchEvent(new CustomEvent('value-changed', { detail: { value } }));
    }

    _applyTheme() {
      if (!this._cm) return;
      const theme = isDark() ? DARK_THEME : LIGHT_THEME;
      if (this._cm.getOption('theme') !== theme) this._cm.setOption('theme', theme);
    }

    /** The server's markers as CodeMirror lint annotations (0-based; clamped to the text). */
    _annotations(CodeMirror, cm) {
      return this._markers.map(marker => {
        const line = Math.min(Math.max((marker.line | 0) - 1, 0), cm.lastLine());
        const text = cm.getLine(line);
        const column = marker.column > 0 ? Math.min(marker.column - 1, text.length) : -1;
        const annotation = {
          from: CodeMirror.Pos(line, Math.max(column, 0)),
          message: String(marker.message || ''),
          severity: marker.severity === 'warning' ? 'warning' : 'error',
        };
        // With a column, the text from there to the end of the line is underlined as well.
        if (column >= 0 && column < text.length) annotation.to = CodeMirror.Pos(line, text.length);
        return annotation;
      });
    }

    _describeProblems() {
      const markers = this._markers;
      this._problems.textContent = markers.length === 0 ? '' : markers.map(marker =>
        `Line ${marker.line}${marker.column > 0 ? `, column ${marker.column}` : ''}, `
        + `${marker.severity === 'warning' ? 'warning' : 'error'}: ${marker.message}`).join('. ');
      this._setInputAttribute('aria-describedby', markers.length ? this._problemsId : '');
      this._setInputAttribute('aria-invalid', markers.some(m => m.severity !== 'warning') ? 'true' : '');
    }

    _setInputAttribute(name, value) {
      const input = this._cm.getInputField();
      if (value) input.setAttribute(name, value);
      else input.removeAttribute(name);
    }
  }

  customElements.define('yaml-editor', YamlEditor);
})();
