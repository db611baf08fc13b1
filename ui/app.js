// kioskd touchscreen: plain JavaScript, no build step. Talks to kioskd's session API under /api/v1
// (docs/openapi/kioskd-ui.yaml) and follows it live through Server-Sent Events (/api/v1/events).
// Personal data: the RRN typed on the keypad lives only in `rrn` below until it is sent; it is never
// spoken, captioned or stored, and every way home (done, cancel, idle timeout) wipes it.
'use strict';

const T = {
  ko: {
    brand: '무인민원발급기', lang: 'English', a11y: '접근성', help: '도움말', tools: '도구', wait: '잠시 기다려 주세요',
    a11yTitle: '접근성 설정', zoom: '큰 글씨', contrast: '고대비', low: '낮은 화면', voice: '음성 안내', read: '선택 항목 읽기',
    volDown: '소리 작게', volUp: '소리 크게', rateDown: '느리게', rateUp: '빠르게', close: '닫기',
    a11yStatus: (v, r) => `소리 크기 ${v}/10, 말 빠르기 ${r}`,
    homeTitle: '어떤 서류가 필요하세요?', homeSay: '무인민원발급기입니다. 필요한 서류의 종류를 고르세요. 키패드의 화살표로 움직이고 확인 키로 고릅니다.',
    categoryTitle: c => `${c}`, categorySay: c => `${c}. 서류를 고르세요.`, fee: w => `${won(w)}`,
    identityNeeded: '본인 확인 필요', back: '이전', cancel: '취소', next: '다음', home: '처음으로',
    optionsTitle: '발급 선택 사항', optionsSay: '발급 선택 사항을 고르세요. 미리 선택된 항목은 없습니다.', chooseAll: '모든 항목을 골라 주세요.',
    copiesTitle: '몇 부가 필요하세요?', copiesSay: '부수를 고르세요. 1부에서 10부까지 가능합니다.', fewer: '한 부 줄이기', more: '한 부 늘리기', copies: n => `${n}부`,
    keyTitle: '조회 번호 입력', keySay: '발급할 토지나 건물의 번호를 입력하세요. 아래에 형식이 있습니다.', keyLabel: '조회 번호',
    rrnTitle: '주민등록번호 입력', rrnSay: '주민등록번호 13자리를 키패드로 입력하세요. 화면에는 가려서 표시합니다.', rrnLabel: '주민등록번호 (가려서 표시)',
    erase: '지우기', clear: '모두 지우기', confirm: '확인', digit: d => `숫자 ${d}`,
    thumbTitle: '오른손 엄지 지문', thumbSay: '오른손 엄지를 지문 인식기에 올려 주세요.', thumbStart: '지문 인식 시작',
    guidance: { 'place-finger': '엄지를 인식기에 올려 주세요.', 'hold-still': '움직이지 말고 그대로 있어 주세요.', 'lift-and-retry': '손가락을 떼었다가 다시 올려 주세요.',
      'press-harder': '조금 더 세게 눌러 주세요.', 'press-lighter': '조금 더 살짝 눌러 주세요.', captured: '지문을 읽었습니다. 확인 중입니다.' },
    results: { 'not-matched': '지문이 일치하지 않습니다. 다시 시도해 주세요.', 'not-enrolled': '등록된 지문이 없습니다. 모바일 신분증을 이용해 주세요.',
      'locked-out': '지문 확인이 잠시 제한되었습니다. 모바일 신분증을 이용해 주세요.', 'capture-failed': '지문을 읽지 못했습니다. 다시 시도해 주세요.',
      'backend-unavailable': '본인 확인 서비스를 지금 쓸 수 없습니다. 창구를 이용해 주세요.', rejected: '본인 확인이 거절되었습니다.', expired: '시간이 지나 다시 시작해야 합니다.' },
    attemptsLeft: n => `남은 시도: ${n}번`, mobileID: '모바일 신분증으로 확인', mobileTitle: '모바일 신분증', mobileSay: '휴대전화의 모바일 신분증 앱으로 화면의 QR 코드를 찍어 주세요.',
    qrAlt: '모바일 신분증용 QR 코드', mobileUnavailable: '이 발급기에서는 지금 모바일 신분증을 쓸 수 없습니다. 창구를 이용해 주세요.', expires: t => `${t}까지 유효`,
    feeTitle: '수수료 안내', feeSay: w => `수수료는 모두 ${won(w)}입니다. 결제 방법을 고르세요.`, doc: '서류', kiosk: '발급기 수수료', counter: '창구 수수료', amount: '금액',
    total: '합계', exemption: '감면', save: w => `창구보다 ${won(w)} 절약`, payCash: '현금', payCard: '카드', exemptPay: '발급하기',
    cashTitle: '현금을 넣어 주세요', cashSay: w => `${won(w)}을 넣어 주세요.`, inserted: '넣은 금액', due: '내실 금액', accepted: '사용할 수 있는 돈',
    noChange: '거스름돈이 부족합니다. 정확한 금액을 넣거나 카드를 이용해 주세요.', noChangeTitle: '거스름돈 부족',
    cardTitle: '카드를 넣어 주세요', cardSay: '카드를 카드 투입구에 넣어 주세요.', cardDeclinedTitle: '카드 결제가 거절되었습니다',
    cardDeclinedSay: '카드 결제가 거절되었습니다. 다른 카드나 현금으로 결제해 주세요.', tryAgain: '다시 결제하기',
    printTitle: '출력 중입니다', printSay: '서류를 출력하고 있습니다. 잠시 기다려 주세요.', docState: { paid: '결제 완료', printing: '출력 중', issued: '출력 완료', failed: '출력 실패', 'refund-started': '환불 중', refunded: '환불 완료', 'refund-owed': '환불 예정' },
    doneTitle: '서류를 받아 가세요', doneSay: '출력이 끝났습니다. 서류와 거스름돈, 영수증을 받아 가세요.', change: w => `거스름돈 ${won(w)}을 받아 가세요.`, receipt: '영수증을 받아 가세요.',
    issuanceNo: '발급번호', rateTitle: '이용은 만족스러우셨나요?', rate: n => `${n}점`, rateLabels: ['매우 불만', '불만', '보통', '만족', '매우 만족'],
    thanksTitle: '감사합니다', thanksSay: '의견 감사합니다. 개인 정보는 모두 지웠습니다.',
    jamTitle: '용지가 걸렸습니다', jamSay: '출력 중 용지가 걸렸습니다. 다시 출력하거나 환불을 받을 수 있습니다. 고르지 않으면 환불해 드립니다.',
    jamReprint: '다시 출력', jamRefund: '환불 받기',
    printFailedTitle: '출력하지 못했습니다', printFailedSay: '서류를 출력하지 못했습니다.', refunded: w => `${won(w)}을 돌려 드렸습니다. 영수증을 받아 가세요.`,
    owed: w => `${won(w)}을 돌려 드리지 못했습니다. 영수증을 가지고 창구에 가시면 돌려 드립니다.`,
    closedTitle: '지금은 운영 시간이 아닙니다', closedSay: t => `지금은 운영 시간이 아닙니다.${t ? ' 다음 운영 시작: ' + t + '.' : ''}`,
    closingTitle: '곧 운영이 끝납니다', closingSay: '곧 운영이 끝나 새 발급을 시작할 수 없습니다. 창구를 이용해 주세요.',
    unavailableTitle: '지금은 발급할 수 없습니다', unavailableSay: d => `지금은 발급할 수 없습니다. ${d} 가까운 다른 발급기나 창구를 이용해 주세요.`,
    paperOut: '용지가 떨어졌습니다.', deviceDown: '장치에 문제가 있습니다.',
    oosTitle: '점검 중입니다', oosSay: '이 발급기는 점검 중입니다. 다른 발급기나 창구를 이용해 주세요.',
    timeoutTitle: '시간이 지나 처음으로 돌아갑니다', timeoutSay: '입력이 없어 처음 화면으로 돌아갑니다. 입력한 정보는 모두 지웠습니다.',
    timer: n => `남은 시간 ${n}초`, moreTime: '시간 연장', timerWarn: '시간이 얼마 남지 않았습니다. 시간이 더 필요하면 시간 연장을 누르세요.',
    errorTitle: '요청을 처리하지 못했습니다', retry: '다시 시도',
    helpSay: '화살표 키로 항목을 움직이고, 확인 키로 고릅니다. 취소 키는 이전 화면입니다. 더하기와 빼기 키로 소리 크기를 바꿉니다.',
  },
  en: {
    brand: 'Civil document kiosk', lang: '한국어', a11y: 'Accessibility', help: 'Help', tools: 'Tools', wait: 'Please wait',
    a11yTitle: 'Accessibility settings', zoom: 'Large text', contrast: 'High contrast', low: 'Low position', voice: 'Voice guidance', read: 'Read focused item',
    volDown: 'Volume down', volUp: 'Volume up', rateDown: 'Slower', rateUp: 'Faster', close: 'Close',
    a11yStatus: (v, r) => `Volume ${v}/10, speech rate ${r}`,
    homeTitle: 'Which document do you need?', homeSay: 'Civil document kiosk. Choose a kind of document. Use the arrow keys to move and Enter to select.',
    categoryTitle: c => `${c}`, categorySay: c => `${c}. Choose a document.`, fee: w => `${won(w)}`,
    identityNeeded: 'identity check', back: 'Back', cancel: 'Cancel', next: 'Next', home: 'Start over',
    optionsTitle: 'Document options', optionsSay: 'Choose the document options. Nothing is pre-selected.', chooseAll: 'Please choose every option.',
    copiesTitle: 'How many copies?', copiesSay: 'Choose the number of copies, 1 to 10.', fewer: 'One copy fewer', more: 'One copy more', copies: n => `${n} ${n === 1 ? 'copy' : 'copies'}`,
    keyTitle: 'Lookup number', keySay: 'Enter the number of the land or building. The format is shown below.', keyLabel: 'Lookup number',
    rrnTitle: 'Resident registration number', rrnSay: 'Enter your 13-digit resident registration number on the keypad. It is masked on screen.', rrnLabel: 'Resident registration number (masked)',
    erase: 'Erase', clear: 'Clear all', confirm: 'Confirm', digit: d => `Digit ${d}`,
    thumbTitle: 'Right thumb', thumbSay: 'Place your right thumb on the fingerprint reader.', thumbStart: 'Start fingerprint check',
    guidance: { 'place-finger': 'Place your thumb on the reader.', 'hold-still': 'Hold still.', 'lift-and-retry': 'Lift your thumb and place it again.',
      'press-harder': 'Press a little harder.', 'press-lighter': 'Press a little more lightly.', captured: 'Fingerprint read. Checking.' },
    results: { 'not-matched': 'The fingerprint did not match. Please try again.', 'not-enrolled': 'No fingerprint is registered. Please use mobile ID.',
      'locked-out': 'Fingerprint checks are paused. Please use mobile ID.', 'capture-failed': 'The fingerprint could not be read. Please try again.',
      'backend-unavailable': 'Identity checks are unavailable now. Please go to the counter.', rejected: 'The identity check was rejected.', expired: 'Time ran out; please start again.' },
    attemptsLeft: n => `Attempts left: ${n}`, mobileID: 'Use mobile ID instead', mobileTitle: 'Mobile ID', mobileSay: 'Scan the QR code with the mobile ID app on your phone.',
    qrAlt: 'QR code for mobile ID', mobileUnavailable: 'Mobile ID cannot be used at this kiosk now. Please go to the counter.', expires: t => `Valid until ${t}`,
    feeTitle: 'Fees', feeSay: w => `The total fee is ${won(w)}. Choose how to pay.`, doc: 'Document', kiosk: 'Kiosk fee', counter: 'Counter fee', amount: 'Amount',
    total: 'Total', exemption: 'Exemption', save: w => `${won(w)} less than at the counter`, payCash: 'Cash', payCard: 'Card', exemptPay: 'Issue',
    cashTitle: 'Insert cash', cashSay: w => `Please insert ${won(w)}.`, inserted: 'Inserted', due: 'To pay', accepted: 'Accepted notes and coins',
    noChange: 'Not enough change: insert the exact amount or pay by card.', noChangeTitle: 'Not enough change',
    cardTitle: 'Insert your card', cardSay: 'Insert your card into the card slot.', cardDeclinedTitle: 'The card was declined',
    cardDeclinedSay: 'The card payment was declined. Please use another card or cash.', tryAgain: 'Pay again',
    printTitle: 'Printing', printSay: 'Your documents are printing. Please wait.', docState: { paid: 'paid', printing: 'printing', issued: 'printed', failed: 'failed', 'refund-started': 'refunding', refunded: 'refunded', 'refund-owed': 'refund owed' },
    doneTitle: 'Please take your documents', doneSay: 'Printing is done. Please take your documents, change and receipt.', change: w => `Please take your change, ${won(w)}.`, receipt: 'Please take your receipt.',
    issuanceNo: 'Issuance number', rateTitle: 'How was your visit?', rate: n => `${n} of 5`, rateLabels: ['very poor', 'poor', 'fair', 'good', 'very good'],
    thanksTitle: 'Thank you', thanksSay: 'Thank you for your feedback. All personal data has been wiped.',
    jamTitle: 'Paper jam', jamSay: 'The paper jammed while printing. You can print again or take a refund. Without an answer you get a refund.',
    jamReprint: 'Print again', jamRefund: 'Refund',
    printFailedTitle: 'Printing failed', printFailedSay: 'Your document could not be printed.', refunded: w => `${won(w)} has been refunded. Please take your receipt.`,
    owed: w => `${won(w)} could not be refunded here. Take the receipt to the counter and it will be paid back.`,
    closedTitle: 'The kiosk is closed now', closedSay: t => `The kiosk is closed now.${t ? ' It opens again at ' + t + '.' : ''}`,
    closingTitle: 'Closing soon', closingSay: 'The kiosk closes soon and cannot start a new issuance. Please go to the counter.',
    unavailableTitle: 'Documents cannot be issued now', unavailableSay: d => `Documents cannot be issued now. ${d} Please use another kiosk or the counter.`,
    paperOut: 'The printer is out of paper.', deviceDown: 'A device has a problem.',
    oosTitle: 'Out of service', oosSay: 'This kiosk is under maintenance. Please use another kiosk or the counter.',
    timeoutTitle: 'Time is up', timeoutSay: 'No input for a while: back to the start. Everything you entered has been wiped.',
    timer: n => `${n} seconds left`, moreTime: 'More time', timerWarn: 'Time is running out. Press More time if you need more time.',
    errorTitle: 'The request could not be completed', retry: 'Try again',
    helpSay: 'Use the arrow keys to move, Enter to select, and Escape to go back. Plus and minus change the volume.',
  },
};

const CATEGORY = {
  'resident-registration': ['주민등록', 'Resident registration'], 'family-register': ['가족관계등록', 'Family register'],
  land: ['토지', 'Land'], building: ['건축물', 'Buildings'], registry: ['등기', 'Court registry'], 'national-tax': ['국세', 'National tax'],
  'local-tax': ['지방세', 'Local tax'], education: ['교육', 'Education'], 'employment-insurance': ['고용보험', 'Employment insurance'],
  'health-insurance': ['건강보험', 'Health insurance'], passport: ['여권', 'Passport'], vehicle: ['자동차', 'Vehicles'], welfare: ['복지', 'Welfare'],
  agriculture: ['농업', 'Agriculture'], pension: ['연금', 'Pension'], police: ['경찰', 'Police'], 'removed-register': ['제적', 'Removed register'],
  military: ['병무', 'Military service'], fisheries: ['어업', 'Fisheries'],
};

// Most used first: 주민등록 59.4 %, 가족관계 20 %, 국세 7.6 % of kiosk issuances (천안 2017, 한국일보
// 2017-11-21; ../shared/reference/domain-facts.md §2.3); then land, building and registry ledgers; the rest in catalog order.
const CATEGORY_ORDER = ['resident-registration', 'family-register', 'national-tax', 'land', 'building', 'registry', 'local-tax'];
const rank = c => (CATEGORY_ORDER.includes(c) ? CATEGORY_ORDER.indexOf(c) : CATEGORY_ORDER.length);

const S = {
  lang: 'ko', offer: null, fees: {}, kiosk: null, session: null, screen: 'loading', category: null, doc: null,
  options: {}, copies: 1, key: '', error: null, ended: null, feedback: false, volume: 8, rate: 175,
  voice: true, read: false, spoken: '', warned: false, pending: false,
};
let rrn = '';            // the RRN digits typed so far: never leaves this variable except in the POST
let events = null;       // the EventSource
let eventsFor = null;    // the session id it follows
let shownHTML = '';      // what #screen shows now (re-rendered only when it changes)

const t = () => T[S.lang];
const won = w => (S.lang === 'ko' ? `${Number(w).toLocaleString('ko-KR')}원` : `${Number(w).toLocaleString('en-US')} won`);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const docName = d => (S.lang === 'ko' ? d.nameKo : d.nameEn);
const catName = c => (CATEGORY[c] ? CATEGORY[c][S.lang === 'ko' ? 0 : 1] : c);
const $ = id => document.getElementById(id);

// ---- API ----
async function api(method, path, body) {
  const response = await fetch('/api/v1' + path, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw Object.assign(new Error(data.error || `HTTP ${response.status}`), { status: response.status });
  return data;
}

async function sessionCall(path, body) {
  if (!S.session) return;
  S.pending = true;
  try {
    S.session = await api('POST', `/sessions/${S.session.id}${path}`, body);
    S.error = null;
  } catch (e) {
    S.error = e.message;
  } finally {
    S.pending = false;
  }
  update();
}

function follow(id) {
  if (events && eventsFor === id) return;
  if (events) events.close();
  eventsFor = id;
  events = new EventSource('/api/v1/events' + (id ? `?session=${id}` : ''));
  events.onmessage = m => {
    const event = JSON.parse(m.data);
    S.kiosk = event.kiosk;
    if (id && event.session && S.session && event.session.id === S.session.id) {
      if (event.session.phase === 'abandoned' && S.session.phase !== 'abandoned' && !S.leaving) { rrn = ''; S.ended = 'timeout'; }
      S.session = event.session;
    }
    update();
  };
}

async function loadOffer() {
  try {
    S.offer = await api('GET', '/documents');
    const fees = await api('GET', '/fees');
    S.fees = Object.fromEntries(fees.documents.map(d => [d.code, d]));
  } catch (e) {
    S.offer = { acceptingSessions: false, reason: e.message, documents: [] };
  }
}

// ---- voice and captions ----
function caption(text) { $('caption').textContent = text; }

let audio = null;
function say(text) {
  caption(text);
  if (!S.voice || !text) return;
  speak(text);
}
function speak(text) {
  if (audio) { audio.pause(); audio = null; }
  const url = `/api/v1/voice?lang=${S.lang}&rate=${S.rate}&text=${encodeURIComponent(text)}`;
  audio = new Audio(url);
  audio.volume = S.volume / 10;
  audio.play().catch(() => {});
}

// ---- screens ----
function screenFor() {
  const s = S.session;
  if (S.ended) return S.ended;
  if (!s) {
    if (S.kiosk && !S.kiosk.acceptingSessions) return kioskProblem(S.kiosk);
    if (S.offer && !S.offer.acceptingSessions && !S.kiosk) return kioskProblem(S.offer);
    return S.screen;
  }
  switch (s.phase) {
    case 'choosing': return S.screen;
    case 'identifying': {
      const id = s.identity || {};
      if (id.mobileID) return 'identity-mobile';
      if (id.stage === 'rrn') return 'identity-rrn';
      if (id.stage === 'mobile-id') return 'identity-mobile';
      return 'identity-thumb';
    }
    case 'options': return 'confirming';
    case 'quoted':
      if (s.message && /declin|card/i.test(s.message) && S.screen !== 'pay') return 'card-declined';
      return S.screen === 'pay' ? 'pay' : 'fee';
    case 'paying': {
      const p = s.payment;
      if (p && p.method === 'card') return 'paying-card';
      return p && noChange(p) ? 'no-change' : 'paying-cash';
    }
    case 'fulfilling': return s.documents.some(d => d.reprintOffered) ? 'reprint-offer' : 'printing';
    case 'finished': {
      const failed = s.documents.some(d => ['refunded', 'refund-owed', 'failed'].includes(d.state));
      if (S.feedback) return 'thanks';
      return failed ? 'print-failed' : 'done';
    }
    case 'abandoned': return S.screen === 'timeout' ? 'timeout' : 'home';
    case 'out-of-service': return 'out-of-service';
    default: return S.screen;
  }
}

function kioskProblem(k) {
  const reason = k.reason || '';
  if (k.maintenance || /maintenance|out of service/.test(reason)) return 'out-of-service';
  if (/^closing soon/.test(reason)) return 'closing-soon';
  if (/^closed/.test(reason)) return 'closed';
  return 'unavailable';
}

// The kiosk cannot give change when every note or coin it accepts is at most what is still due.
function noChange(p) {
  return p.accepted.length > 0 && p.inserted < p.due && p.accepted.every(v => v <= p.due - p.inserted);
}

// A kioskd instant as a Seoul wall-clock time. kioskd's JSONEncoder currently writes Date as seconds since
// 2001-01-01 (Foundation's default), the contract says ISO-8601: both are read.
function seoulClock(value) {
  const date = typeof value === 'number' ? new Date((value + 978307200) * 1000) : new Date(value);
  return date.toLocaleTimeString(S.lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit' });
}

// kioskd's local times (2026-11-23T09:00) as residents read them: 11월 23일 09:00 / Nov 23, 09:00.
function localTime(text) {
  const m = /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(text);
  if (!m) return text;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return S.lang === 'ko' ? `${Number(m[2])}월 ${Number(m[3])}일 ${m[4]}:${m[5]}` : `${months[Number(m[2]) - 1]} ${Number(m[3])}, ${m[4]}:${m[5]}`;
}

function nav(buttons) { return `<div class="nav">${buttons.join('')}</div>`; }
function btn(id, label, cls = '', extra = '') { return `<button type="button" id="${id}" class="${cls}" ${extra}>${esc(label)}</button>`; }
const backBtn = () => btn('nav-back', t().back, 'secondary');
const cancelBtn = () => btn('nav-cancel', t().cancel, 'secondary');
const homeBtn = () => btn('nav-home', t().home, 'secondary');

function view(name) {
  const L = t(), s = S.session;
  switch (name) {
    case 'loading': return [`<h1>${L.wait}</h1>`, L.wait];
    case 'home': {
      const counts = {};
      for (const d of S.offer?.documents || []) counts[d.category] = (counts[d.category] || 0) + 1;
      const cats = Object.keys(counts).sort((a, b) => rank(a) - rank(b));
      return [`<h1>${L.homeTitle}</h1><div class="grid">${cats.map((c, i) => btn(`cat-${c}`, catName(c))).join('')}</div>`, L.homeSay];
    }
    case 'category': {
      const docs = (S.offer?.documents || []).filter(d => d.category === S.category);
      return [`<h1>${esc(catName(S.category))}</h1><div class="list">${docs.map(d =>
        `<button type="button" id="doc-${esc(d.code)}"><span>${esc(docName(d))}</span><span>${L.fee(d.fee)}${d.identityRequired ? ' · ' + L.identityNeeded : ''}</span></button>`).join('')}</div>` +
        nav([backBtn()]), L.categorySay(catName(S.category))];
    }
    case 'options': {
      const d = S.doc;
      const sets = d.options.map(o => `<fieldset><legend>${esc(S.lang === 'ko' ? o.nameKo : o.nameEn)}</legend><div class="choices">${o.choices.map(c =>
        `<label class="choice"><input type="radio" name="opt-${esc(o.key)}" id="opt-${esc(o.key)}-${esc(c.value)}" value="${esc(c.value)}" ${S.options[o.key] === c.value ? 'checked' : ''}>${esc(S.lang === 'ko' ? c.nameKo : c.nameEn)}</label>`).join('')}</div></fieldset>`).join('');
      const complete = d.options.every(o => S.options[o.key]);
      return [`<h1>${L.optionsTitle}</h1><p>${esc(docName(d))}</p>${sets}${complete ? '' : `<p class="small">${L.chooseAll}</p>`}` +
        nav([backBtn(), btn('nav-next', L.next, '', complete ? '' : 'disabled')]), L.optionsSay];
    }
    case 'copies':
      return [`<h1>${L.copiesTitle}</h1><p>${esc(docName(S.doc))}</p><div class="counter">${btn('copies-less', '−', 'secondary', `aria-label="${L.fewer}" ${S.copies <= 1 ? 'disabled' : ''}`)}` +
        `<output id="copies-value" aria-live="polite">${L.copies(S.copies)}</output>${btn('copies-more', '+', 'secondary', `aria-label="${L.more}" ${S.copies >= 10 ? 'disabled' : ''}`)}</div>` +
        (S.error ? `<p class="alert" role="alert">${esc(S.error)}</p>` : '') + nav([backBtn(), btn('nav-next', L.next)]), L.copiesSay];
    case 'key':
      return [`<h1>${L.keyTitle}</h1><p>${esc(docName(S.doc))}</p><label for="key-input">${L.keyLabel}</label><input id="key-input" class="rrn" inputmode="numeric" autocomplete="off" aria-describedby="key-hint" value="${esc(S.key)}"><p class="small" id="key-hint">${esc(S.doc.keyHint || '')}</p>` +
        (S.error ? `<p class="alert" role="alert">${esc(S.error)}</p>` : '') + nav([backBtn(), btn('nav-next', L.next)]), L.keySay];
    case 'confirming': return [`<h1>${L.wait}</h1>`, ''];
    case 'identity-rrn': {
      const masked = rrn.length <= 6 ? rrn : rrn.slice(0, 6) + '-' + rrn.slice(6, 7) + '*'.repeat(rrn.length - 7);
      const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'erase', '0', 'clear'];
      const id = s.identity || {};
      return [`<h1>${L.rrnTitle}</h1><p id="rrn-label">${L.rrnLabel}</p><p class="rrn" id="rrn-display">${esc(masked)}</p>` +
        (S.error || id.lastResult ? `<p class="alert" role="alert">${esc(S.error || L.results[id.lastResult] || id.message)}</p>` : '') +
        `<div class="keypad">${keys.map(k => k === 'erase' ? btn('key-erase', '⌫', 'secondary', `aria-label="${L.erase}"`) : k === 'clear' ? btn('key-clear', 'C', 'secondary', `aria-label="${L.clear}"`) : btn(`key-${k}`, k, '', `aria-label="${L.digit(k)}"`)).join('')}</div>` +
        nav([backBtn(), cancelBtn(), btn('rrn-ok', L.confirm, '', rrn.length === 13 ? '' : 'disabled')]), L.rrnSay];
    }
    case 'identity-thumb': {
      const id = s.identity || {};
      const busy = id.capture === 'waiting' || id.capture === 'verifying';
      const lines = [];
      if (id.rrnMasked) lines.push(`<p>${esc(id.rrnMasked)}</p>`);
      if (id.guidance) lines.push(`<p class="progress" id="guidance">${esc(L.guidance[id.guidance] || id.guidance)}</p>`);
      if (id.lastResult) lines.push(`<p class="alert" role="alert" id="last-result">${esc(L.results[id.lastResult] || id.message || id.lastResult)}</p>`);
      if (id.attemptsLeft != null) lines.push(`<p id="attempts">${L.attemptsLeft(id.attemptsLeft)}</p>`);
      const say = id.lastResult ? L.results[id.lastResult] || L.thumbSay : id.guidance ? L.guidance[id.guidance] : L.thumbSay;
      const problem = S.error && /mobile ID/i.test(S.error) ? `${L.mobileUnavailable}<br><span class="small">${esc(S.error)}</span>` : esc(S.error);
      return [`<h1>${L.thumbTitle}</h1>${lines.join('')}` + (S.error ? `<p class="alert" role="alert">${problem}</p>` : '') +
        nav([backBtn(), cancelBtn(), btn('thumb-start', L.thumbStart, '', busy ? 'disabled' : ''), id.mobileIDOffered ? btn('mobile-id', L.mobileID) : '']), say];
    }
    case 'identity-mobile': {
      const m = (s.identity || {}).mobileID;
      return [`<h1>${L.mobileTitle}</h1>` + (m ? `<div class="qr" role="img" aria-label="${L.qrAlt}">${m.qrSVG}</div><p>${L.expires(seoulClock(m.expiresAt))}</p>` : '') +
        (S.error ? `<p class="alert" role="alert">${esc(S.error)}</p>` : '') + nav([backBtn(), cancelBtn()]), L.mobileSay];
    }
    case 'fee':
    case 'pay': {
      let saved = 0;
      const rows = s.documents.map(d => {
        const f = S.fees[d.code] || {};
        const counter = f.counterFee != null ? f.counterFee * d.copies : null;
        if (counter != null) saved += counter - (d.amount ?? 0);
        const exempt = (d.lines || []).filter(l => l.kind === 'exemption').map(l => `${esc(S.lang === 'ko' ? l.labelKo : l.labelEn)} ${won(l.amount)}`).join(', ');
        return `<tr><td>${esc(S.lang === 'ko' ? d.nameKo : d.nameEn)} (${L.copies(d.copies)})${exempt ? `<br><span class="small">${L.exemption}: ${exempt}</span>` : ''}</td>` +
          `<td class="num">${counter != null ? won(counter) : '-'}</td><td class="num">${won(d.amount ?? 0)}</td></tr>`;
      }).join('');
      const table = `<table><caption class="small">${L.feeTitle}</caption><thead><tr><th scope="col">${L.doc}</th><th scope="col" class="num">${L.counter}</th><th scope="col" class="num">${L.kiosk}</th></tr></thead><tbody>${rows}</tbody></table>` +
        `<p class="total" id="total">${L.total}: ${won(s.total)}</p>` + (saved > 0 ? `<p>${L.save(saved)}</p>` : '');
      const payButtons = s.total === 0 ? [btn('pay-exempt', L.exemptPay)] : [btn('pay-cash', L.payCash), btn('pay-card', L.payCard)];
      return [`<h1>${L.feeTitle}</h1>${table}` + (S.error ? `<p class="alert" role="alert">${esc(S.error)}</p>` : '') +
        nav([backBtn(), cancelBtn(), ...payButtons]), L.feeSay(s.total)];
    }
    case 'no-change':
    case 'paying-cash': {
      const p = s.payment || { due: s.total, inserted: 0, accepted: [] };
      const noChange = name === 'no-change';
      return [`<h1>${noChange ? L.noChangeTitle : L.cashTitle}</h1><p class="total">${L.due}: ${won(p.due)}</p><p class="total" id="inserted" aria-live="polite">${L.inserted}: ${won(p.inserted)}</p>` +
        `<p>${L.accepted}: ${p.accepted.map(won).join(', ')}</p>` + (noChange ? `<p class="alert" role="alert" id="no-change">${L.noChange}</p>` : '') +
        (s.message ? `<p class="small">${esc(s.message)}</p>` : '') + nav([cancelBtn()]), noChange ? L.noChange : L.cashSay(p.due - p.inserted)];
    }
    case 'paying-card':
      return [`<h1>${L.cardTitle}</h1><p class="total">${L.due}: ${won(s.total)}</p>` + nav([cancelBtn()]), L.cardSay];
    case 'card-declined':
      return [`<h1>${L.cardDeclinedTitle}</h1><p class="alert" role="alert">${L.cardDeclinedSay}</p>` + nav([cancelBtn(), btn('pay-again', L.tryAgain)]), L.cardDeclinedSay];
    case 'printing':
      return [`<h1>${L.printTitle}</h1><ul class="progress">${s.documents.map(d => `<li>${esc(S.lang === 'ko' ? d.nameKo : d.nameEn)}: ${esc(L.docState[d.state] || d.state || '')}</li>`).join('')}</ul>`, L.printSay];
    case 'reprint-offer': {
      const d = s.documents.find(x => x.reprintOffered) || {};
      return [`<h1>${L.jamTitle}</h1><p class="alert" role="alert">${L.jamSay}</p><p>${esc(S.lang === 'ko' ? d.nameKo : d.nameEn)}</p>` +
        (S.error ? `<p class="alert" role="alert">${esc(S.error)}</p>` : '') +
        nav([btn('jam-refund', L.jamRefund, 'secondary'), btn('jam-reprint', L.jamReprint)]), L.jamSay];
    }
    case 'done': {
      const p = s.payment || {};
      const stars = [1, 2, 3, 4, 5].map(n => btn(`rate-${n}`, `${n} · ${L.rateLabels[n - 1]}`, 'secondary')).join('');
      return [`<h1>${L.doneTitle}</h1><ul>${s.documents.map(d => `<li>${esc(S.lang === 'ko' ? d.nameKo : d.nameEn)} — ${L.issuanceNo} ${esc(d.issuanceNumber || '')}</li>`).join('')}</ul>` +
        (p.change ? `<p class="total" id="change">${L.change(p.change)}</p>` : '') + `<p>${L.receipt}</p>` +
        `<h2 id="rate-title">${L.rateTitle}</h2><div class="stars" role="group" aria-labelledby="rate-title">${stars}</div>` + nav([homeBtn()]),
        L.doneSay + (p.change ? ' ' + L.change(p.change) : '')];
    }
    case 'thanks': return [`<h1>${L.thanksTitle}</h1><p>${L.thanksSay}</p>` + nav([homeBtn()]), L.thanksSay];
    case 'print-failed': {
      const refunded = s.documents.filter(d => d.state === 'refunded').reduce((a, d) => a + (d.amount || 0), 0);
      const owed = s.documents.filter(d => d.state === 'refund-owed').reduce((a, d) => a + (d.amount || 0), 0) || (s.payment?.owed ?? 0);
      return [`<h1>${L.printFailedTitle}</h1><p class="alert" role="alert">${L.printFailedSay}</p>` + (refunded ? `<p id="refunded">${L.refunded(refunded)}</p>` : '') +
        (owed ? `<p id="owed">${L.owed(owed)}</p>` : '') + nav([homeBtn()]), L.printFailedSay + ' ' + (refunded ? L.refunded(refunded) : '') + (owed ? L.owed(owed) : '')];
    }
    case 'closed': {
      const m = /until (.+)$/.exec(S.kiosk?.reason || S.offer?.reason || '');
      const when = m ? localTime(m[1]) : '';
      return [`<h1>${L.closedTitle}</h1><p id="next-opening">${esc(L.closedSay(when))}</p>`, L.closedSay(when)];
    }
    case 'closing-soon': return [`<h1>${L.closingTitle}</h1><p>${L.closingSay}</p>`, L.closingSay];
    case 'unavailable': {
      const reason = S.kiosk?.reason || S.offer?.reason || '';
      const detail = /media|paper/.test(reason) ? L.paperOut : L.deviceDown;
      return [`<h1>${L.unavailableTitle}</h1><p>${L.unavailableSay(detail)}</p><p class="small">${esc(reason)}</p>`, L.unavailableSay(detail)];
    }
    case 'out-of-service': return [`<h1>${L.oosTitle}</h1><p>${L.oosSay}</p>`, L.oosSay];
    case 'timeout': return [`<h1>${L.timeoutTitle}</h1><p>${L.timeoutSay}</p>` + nav([homeBtn()]), L.timeoutSay];
    case 'unavailable-doc': return [`<h1>${L.unavailableTitle}</h1><p class="alert" role="alert">${esc(S.error)}</p>` + nav([backBtn(), homeBtn()]), L.unavailableSay('')];
    case 'error': return [`<h1>${L.errorTitle}</h1><p class="alert" role="alert">${esc(S.error)}</p>` + nav([homeBtn()]), L.errorTitle];
    default: return [`<h1>${esc(name)}</h1>`, ''];
  }
}

// ---- rendering ----
function update() {
  const name = screenFor();
  const changed = name !== S.shown;
  if (name === 'confirming' && S.session && !S.pending) { sessionCall('/confirm'); }
  S.shown = name;
  const [html, phrase] = view(name);
  const main = $('screen');
  if (shownHTML !== html) {
    const focused = document.activeElement && document.activeElement.id;
    main.innerHTML = html;
    shownHTML = html;
    main.dataset.screen = name;
    const again = focused && !changed ? $(focused) : null;
    if (again) again.focus();
    else if (changed) (main.querySelector('button:not([disabled]), input') || main).focus();
  }
  if (phrase && phrase !== S.spoken && (changed || name.startsWith('identity') || name === 'paying-cash' || name === 'no-change')) { S.spoken = phrase; say(phrase); }
  updateTimer();
  if (['thanks', 'timeout'].includes(name) && !S.homeTimer) S.homeTimer = setTimeout(() => goHome(), 15000);
}

function updateTimer() {
  const s = S.session, L = t();
  const left = s && !s.finished && s.idleSecondsLeft != null ? s.idleSecondsLeft : null;
  $('timer').hidden = left == null;
  if (left == null) { S.warned = false; return; }
  $('timer-text').textContent = L.timer(left);
  if (left <= 30 && !S.warned) { S.warned = true; say(L.timerWarn); }
  if (left > 30) S.warned = false;
}

function applyLanguage() {
  const L = t();
  document.documentElement.lang = S.lang;
  document.title = L.brand;
  $('brand').textContent = L.brand;
  $('btn-lang').textContent = L.lang;
  $('btn-lang').lang = S.lang === 'ko' ? 'en' : 'ko';
  $('btn-a11y').textContent = L.a11y;
  $('btn-help').textContent = L.help;
  $('tools').setAttribute('aria-label', L.tools);
  $('a11y-title').textContent = L.a11yTitle;
  for (const [id, key] of [['mode-zoom', 'zoom'], ['mode-contrast', 'contrast'], ['mode-low', 'low'], ['mode-voice', 'voice'], ['mode-read', 'read'],
    ['vol-down', 'volDown'], ['vol-up', 'volUp'], ['rate-down', 'rateDown'], ['rate-up', 'rateUp'], ['a11y-close', 'close'], ['btn-more-time', 'moreTime']]) $(id).textContent = L[key];
  $('a11y-status').textContent = L.a11yStatus(S.volume, S.rate);
  S.shown = null;
  S.spoken = '';
  update();
}

function setMode(mode, on) {
  document.documentElement.classList.toggle(mode, on);
  $(`mode-${mode}`).setAttribute('aria-pressed', String(on));
}

// ---- actions ----
async function start(category) {
  S.category = category;
  S.screen = 'category';
  S.error = null;
  if (!S.session || S.session.finished) {
    try {
      S.session = await api('POST', '/sessions');
      follow(S.session.id);
    } catch (e) {
      S.error = e.message;
      S.screen = 'error';
    }
  }
  update();
}

function wipe() {
  rrn = '';
  S.options = {}; S.copies = 1; S.key = ''; S.doc = null; S.error = null; S.feedback = false; S.ended = null;
}

async function goHome() {
  clearTimeout(S.homeTimer); S.homeTimer = null;
  const s = S.session;
  S.leaving = true;
  if (s && !s.finished && ['choosing', 'identifying', 'options', 'quoted', 'paying'].includes(s.phase)) {
    try { await api('POST', `/sessions/${s.id}/cancel`); } catch (e) { /* the idle timeout ends it anyway */ }
  }
  wipe();
  S.session = null; S.category = null; S.screen = 'home'; S.spoken = ''; S.leaving = false;
  follow(null);
  await loadOffer();
  update();
}

function chooseDoc(code) {
  S.doc = S.offer.documents.find(d => d.code === code);
  S.options = {};
  for (const o of S.doc.options) if (o.defaultValue != null && !o.explicitChoiceRequired) S.options[o.key] = o.defaultValue;
  S.copies = 1;
  S.screen = S.doc.options.some(o => o.choices.length > 1 || !S.options[o.key]) ? 'options' : 'copies';
  update();
}

async function submitDocument() {
  const choice = { code: S.doc.code, copies: S.copies, options: S.options };
  if (S.doc.keyRequired) choice.key = S.key;
  S.pending = true;
  try {
    S.session = await api('POST', `/sessions/${S.session.id}/documents`, { documents: [choice] });
    S.error = null;
    if (S.session.phase === 'options') S.session = await api('POST', `/sessions/${S.session.id}/confirm`);
    S.screen = 'fee';
  } catch (e) {
    S.error = e.message;
    if (e.status === 501 || e.status === 409 || e.status === 503) { S.screen = 'unavailable-doc'; }
  } finally { S.pending = false; }
  update();
}

function back() {
  const name = S.shown;
  S.error = null;
  if (name === 'category') { goHome(); return; }
  if (name === 'options') { S.screen = 'category'; }
  else if (name === 'copies') { S.screen = S.doc.options.length ? 'options' : 'category'; }
  else if (name === 'key') { S.screen = 'copies'; }
  else if (['fee', 'pay', 'identity-rrn', 'identity-thumb', 'identity-mobile', 'card-declined'].includes(name)) {
    rrn = '';
    S.screen = 'copies';
    api('POST', `/sessions/${S.session.id}/back`).then(v => { S.session = v; if (v.phase === 'options') return api('POST', `/sessions/${v.id}/back`).then(w => { S.session = w; }); })
      .catch(e => { S.error = e.message; }).finally(update);
    return;
  } else if (['done', 'thanks', 'print-failed', 'timeout', 'error', 'unavailable-doc'].includes(name)) { goHome(); return; }
  update();
}

function onClick(target) {
  const id = target.id || '';
  if (id.startsWith('cat-')) return start(id.slice(4));
  if (id.startsWith('doc-')) return chooseDoc(id.slice(4));
  if (id === 'nav-back') return back();
  if (id === 'nav-cancel' || id === 'nav-home') return goHome();
  if (id === 'nav-next') {
    if (S.shown === 'options') { S.screen = 'copies'; return update(); }
    if (S.shown === 'copies') { if (S.doc.keyRequired) { S.screen = 'key'; return update(); } return submitDocument(); }
    if (S.shown === 'key') { S.key = $('key-input').value.trim(); return submitDocument(); }
  }
  if (id === 'copies-less') { S.copies = Math.max(1, S.copies - 1); return update(); }
  if (id === 'copies-more') { S.copies = Math.min(10, S.copies + 1); return update(); }
  if (id.startsWith('key-') && id.length === 5) { if (rrn.length < 13) rrn += id.slice(4); return update(); }
  if (id === 'key-erase') { rrn = rrn.slice(0, -1); return update(); }
  if (id === 'key-clear') { rrn = ''; return update(); }
  if (id === 'rrn-ok') { const digits = rrn; rrn = ''; return sessionCall('/identity/rrn', { rrn: digits }); }
  if (id === 'thumb-start') return sessionCall('/identity/thumb');
  if (id === 'mobile-id') return sessionCall('/identity/mobile-id');
  if (id === 'pay-cash') return sessionCall('/pay', { method: 'cash' });
  if (id === 'pay-card' || id === 'pay-again') { if (id === 'pay-again') S.screen = 'fee'; return sessionCall('/pay', { method: 'card' }); }
  if (id === 'jam-reprint' || id === 'jam-refund') {
    const d = S.session.documents.find(x => x.reprintOffered);
    if (d) return sessionCall('/reprint', { issuanceID: d.issuanceID, decision: id === 'jam-reprint' ? 'reprint' : 'refund' });
  }
  if (id === 'pay-exempt') return sessionCall('/pay', { method: 'exempt' });
  if (id.startsWith('rate-')) {
    const rating = Number(id.slice(5));
    return api('POST', `/sessions/${S.session.id}/feedback`, { rating }).then(() => { S.feedback = true; }).catch(e => { S.error = e.message; }).finally(update);
  }
}

// ---- keypad: arrows move, Enter selects, Escape goes back, +/- volume, h/?/F1 help ----
function focusables() {
  return [...document.querySelectorAll('button, input, [tabindex="0"]')].filter(e => !e.disabled && e.offsetParent !== null && !e.closest('[hidden]'));
}
function move(step) {
  const list = focusables();
  if (!list.length) return;
  const i = list.indexOf(document.activeElement);
  list[(i + step + list.length) % list.length].focus();
}
function volume(step) {
  S.volume = Math.min(10, Math.max(0, S.volume + step));
  if (audio) audio.volume = S.volume / 10;
  $('a11y-status').textContent = t().a11yStatus(S.volume, S.rate);
  caption(t().a11yStatus(S.volume, S.rate));
}

document.addEventListener('keydown', e => {
  const typing = e.target && e.target.tagName === 'INPUT' && e.target.type !== 'radio';
  if (e.key === 'ArrowDown' || e.key === 'ArrowRight') { if (!typing || e.key === 'ArrowDown') { e.preventDefault(); move(1); } }
  else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') { if (!typing || e.key === 'ArrowUp') { e.preventDefault(); move(-1); } }
  else if (e.key === 'Escape') { e.preventDefault(); if (!$('a11y-panel').hidden) togglePanel(false); else back(); }
  else if ((e.key === '+' || e.key === '=') && !typing) { e.preventDefault(); volume(1); }
  else if (e.key === '-' && !typing) { e.preventDefault(); volume(-1); }
  else if ((e.key === 'F1' || e.key === '?' || e.key === 'h') && !typing) { e.preventDefault(); say(t().helpSay); }
  else if (e.key === 'Enter' && e.target && e.target.type === 'radio') { e.preventDefault(); e.target.click(); }
  else if (/^[0-9]$/.test(e.key) && S.shown === 'identity-rrn') { e.preventDefault(); if (rrn.length < 13) rrn += e.key; update(); }
  else if (e.key === 'Backspace' && S.shown === 'identity-rrn') { e.preventDefault(); rrn = rrn.slice(0, -1); update(); }
});

document.addEventListener('focusin', e => {
  if (!S.read || !e.target) return;
  const label = e.target.getAttribute('aria-label') || (e.target.closest('label') || e.target).textContent.trim();
  if (label && !/\d{6}/.test(label)) { caption(label); speak(label); }
});

document.addEventListener('click', e => {
  const target = e.target.closest('button');
  if (target && $('screen').contains(target)) { onClick(target); return; }
});
document.addEventListener('input', e => {
  if (e.target.id === 'key-input') S.key = e.target.value;
});
document.addEventListener('change', e => {
  if (e.target.type === 'radio' && e.target.name.startsWith('opt-')) { S.options[e.target.name.slice(4)] = e.target.value; update(); }
});

function togglePanel(open) {
  $('a11y-panel').hidden = !open;
  $('btn-a11y').setAttribute('aria-expanded', String(open));
  (open ? $('mode-zoom') : $('btn-a11y')).focus();
}

function wire() {
  $('btn-lang').onclick = () => { S.lang = S.lang === 'ko' ? 'en' : 'ko'; applyLanguage(); $('btn-lang').focus(); };
  $('btn-a11y').onclick = () => togglePanel($('a11y-panel').hidden);
  $('a11y-close').onclick = () => togglePanel(false);
  $('btn-help').onclick = () => say(t().helpSay);
  for (const mode of ['zoom', 'contrast', 'low']) $(`mode-${mode}`).onclick = () => setMode(mode, !document.documentElement.classList.contains(mode));
  $('mode-voice').onclick = () => { S.voice = !S.voice; $('mode-voice').setAttribute('aria-pressed', String(S.voice)); };
  $('mode-read').onclick = () => { S.read = !S.read; $('mode-read').setAttribute('aria-pressed', String(S.read)); };
  $('vol-down').onclick = () => volume(-1);
  $('vol-up').onclick = () => volume(1);
  $('rate-down').onclick = () => { S.rate = Math.max(80, S.rate - 25); volume(0); };
  $('rate-up').onclick = () => { S.rate = Math.min(450, S.rate + 25); volume(0); };
  $('btn-more-time').onclick = () => sessionCall('/extend');
}

// Modes and language can also be preset by the URL (the kiosk shell or a test): ?lang=en&modes=zoom,contrast,low&voice=off
async function boot() {
  const query = new URLSearchParams(location.search);
  if (query.get('lang') === 'en') S.lang = 'en';
  for (const mode of (query.get('modes') || '').split(',').filter(m => ['zoom', 'contrast', 'low'].includes(m))) setMode(mode, true);
  if (query.get('voice') === 'off') { S.voice = false; $('mode-voice').setAttribute('aria-pressed', 'false'); }
  wire();
  await loadOffer();
  S.screen = 'home';
  follow(null);
  applyLanguage();
}
boot();
