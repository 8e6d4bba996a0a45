// The web form's styles: GOV.UK Design System's look in a few rules (no web fonts, no scripts), with
// colours that keep WCAG AA contrast and a visible focus state for keyboard users.
export const PAGE_STYLE = `
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
.skip{position:absolute;left:-9999px}.skip:focus{position:static;display:block;padding:10px;background:#fd0;color:#0b0c0c}
.header{background:#0b0c0c;color:#fff;padding:12px 15px;font-weight:bold}
.main{max-width:640px;margin:0 auto;padding:20px 15px 60px}
.heading-l{font-size:32px;margin:0 0 20px}.heading-s{font-size:19px;margin:0 0 10px}
.caption{display:block;color:#505a5f;font-size:19px;margin-bottom:5px}
.inset{border-left:10px solid #b1b4b6;padding:10px 15px;margin:0 0 20px}
.warning{border:5px solid #d4351c;padding:15px;margin:0 0 20px}
.panel{background:#00703c;color:#fff;padding:25px;margin:0 0 20px}.panel .heading-l{margin:0}
.group{margin-bottom:30px}.group-error{border-left:5px solid #d4351c;padding-left:15px}
.label,.legend{display:block;font-weight:bold;margin-bottom:5px}
.hint{color:#505a5f;margin-bottom:10px}
.error-message{color:#d4351c;font-weight:bold;margin:0 0 10px}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.input,.textarea{font:inherit;border:2px solid #0b0c0c;padding:5px;width:100%;box-sizing:border-box}
.input-figure{max-width:14em}.input-date{max-width:10em}
.group-error .input,.group-error .textarea{border-color:#d4351c}
.fieldset{border:0;padding:0;margin:0 0 30px}.checkbox{margin-bottom:20px}
.checkbox input{width:24px;height:24px;vertical-align:middle;margin-right:8px}
.button{font:inherit;font-weight:bold;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;padding:8px 12px;margin:0 15px 15px 0;cursor:pointer}
.button-secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.error-summary{border:5px solid #d4351c;padding:15px;margin-bottom:30px}
.error-summary h2{margin-top:0}.error-summary a{color:#d4351c;font-weight:bold}
a{color:#1d70b8}
:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.button:focus,a:focus{background:#fd0;color:#0b0c0c;box-shadow:0 4px 0 #0b0c0c}
`;
