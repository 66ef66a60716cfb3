"""One error shape for every failure of the JSON API, and a polite page for people.

{"error": {"status": 400, "code": "bad_request", "parameter": "size",
           "message": "must be between 1 and 100"}}
"""

import re

from flask import current_app, jsonify, make_response, render_template, request
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException, RequestURITooLarge

from indexer.search import BadRequest, SearchError
from indexer.search.request import MAX_RESULT_WINDOW

from .search import settings

# Longer addresses are refused with 414 in the usual shape (gunicorn's own
# limit on the request line, 8,190 bytes, answers before the app can).
MAX_URL_CHARS = 8_000


def _wants_json():
    return request.path.startswith("/api/")


# What a bad value of each parameter means, for people; the API's message follows.
_ARABIC = {
    "date_from": "تاريخ البداية غير صالح: يُكتب سنةً أو سنة-شهر أو سنة-شهر-يوم أو يوم/شهر/سنة "
    "أو شهرًا وسنة، مثل 2018 أو 2018-06 أو 2018-06-01 أو 01/06/2018 أو يونيو 2018",
    "date_to": "تاريخ النهاية غير صالح أو قبل تاريخ البداية: يُكتب سنةً أو سنة-شهر أو "
    "سنة-شهر-يوم أو يوم/شهر/سنة أو شهرًا وسنة، مثل 2018-06-30 أو 30/06/2018 أو يونيو 2018",
    "page": "الصفحات المرقّمة تصل إلى أول {window:,} نتيجة. للمتابعة بعدها افتح "
    "الصفحة الأخيرة ({last}) واضغط «التالي»",
    "cursor": "رابط المتابعة هذا لا يخص هذا البحث؛ ابدأ من الصفحة الأولى",
    "size": "عدد النتائج في الصفحة خارج الحدود المسموح بها",
    "sort": "الترتيب يكون حسب الصلة أو الأحدث أو الأقدم",
    "q": "نص البحث أطول أو أوسع مما يُبحث عنه دفعة واحدة؛ اختصره",
    "mode": "طريقة البحث تكون بالكلمات والمعنى معًا أو بالكلمات وحدها أو بالمعنى وحده",
    "facets": "في الطلب تصنيف للنتائج لا يعرفه الأرشيف؛ "
    "التصنيفات: التاريخ والفاعلون والمصدر والقسم",
    "format": "صيغة التنزيل غير معروفة",
    "actor": "لا يعرف الأرشيف فاعلًا بهذا الاسم، فكل نتيجة ستكون صفرًا؛ "
    "اختر الفاعل من قائمة الفاعلين أو اكتبه كما تكتبه المقالات",
    "source": "لا يعرف الأرشيف مصدرًا بهذا الاسم، فكل نتيجة ستكون صفرًا؛ اختره من قائمة المصادر",
    "category": "لا يعرف الأرشيف قسمًا بهذا الاسم، فكل نتيجة ستكون صفرًا؛ اختره من قائمة الأقسام",
}


# A parameter the address holds that no search takes; one that guesses at
# a date (from=2018) is told the date's own.
_UNKNOWN = "في العنوان معامل لا يأخذه البحث ({parameter})؛ احذفه منه"
_A_DATE_GUESSED = "، وحدّد التاريخ من قائمة التاريخ أو بـ date_from وdate_to"
_DATE_GUESSES = frozenset(("from", "to", "date", "since", "until", "start", "end"))

# A page number that is none, or a page past the last of a search's results.
_NOT_A_PAGE = "رقم الصفحة عدد صحيح من 1 إلى {window:,}"
_PAST_THE_END = "نتائج هذا البحث تنتهي عند الصفحة {last:,}؛ لا صفحة بعدها"


# Dates and numbers written left to right inside the Arabic (2018-06 must not
# show as 06-2018); a character reference of the escaped text (&#39;) is kept whole.
_LEFT_TO_RIGHT = re.compile(r"(&#?\w+;)|\d[\d,]*(?:[-/.]\d+)*")


def arabic_reason(error) -> Markup:
    """A bad request explained in Arabic on the page (the parameter's own
    words, else the API's message), its dates and numbers isolated left to
    right."""
    return Markup(
        _LEFT_TO_RIGHT.sub(
            lambda m: m[1] or f'<bdi dir="ltr">{m[0]}</bdi>', str(escape(_reason(error)))
        )
    )


def _reason(error) -> str:
    if error.get("parameter") == "page" and not error.get("last_page"):
        return _NOT_A_PAGE.format(window=MAX_RESULT_WINDOW)
    if error.get("parameter") == "page" and "past the last page" in error["message"]:
        return _PAST_THE_END.format(last=error["last_page"])
    template = _ARABIC.get(error.get("parameter") or "")
    if template is None and error["message"].startswith("unknown parameter"):
        parameter = error.get("parameter") or ""
        dated = _A_DATE_GUESSED if parameter.lower() in _DATE_GUESSES else ""
        return _UNKNOWN.format(parameter=parameter) + dated
    if template is None:
        return f"في الطلب قيمة غير صالحة ({error.get('parameter')}): {error['message']}"
    return template.format(window=MAX_RESULT_WINDOW, last=last_page())


def last_page() -> int:
    """The last numbered page of the request's page size."""
    size = request.args.get("size", "")
    default = settings().page_size
    per_page = int(size) if size.isdigit() and int(size) > 0 else default
    return max(1, MAX_RESULT_WINDOW // per_page)


def kept_params(parameter=None) -> list[tuple[str, str]]:
    """The request's parameters but the bad one (and the page's position)."""
    dropped = {parameter, "page", "cursor"}
    return [(name, value) for name, value in request.args.items(multi=True) if name not in dropped]


def error_response(status, code, message, parameter=None, last_page=None):
    body = {"status": status, "code": code, "message": message}
    if parameter:
        body["parameter"] = parameter
    if last_page:
        body["last_page"] = last_page
    if _wants_json():
        return jsonify({"error": body}), status
    return render_template("error.html", error=body), status


def register(app):
    app.jinja_env.globals.update(
        arabic_reason=arabic_reason, kept_params=kept_params, last_page=last_page
    )

    @app.errorhandler(BadRequest)
    def bad_request(error):
        return error_response(400, "bad_request", error.message, error.parameter, error.last_page)

    @app.errorhandler(SearchError)
    def search_error(error):
        if error.public != str(error):
            current_app.logger.error("%s %s: %s", request.method, request.path, error)
        return error_response(error.status, error.code, error.public)

    @app.errorhandler(HTTPException)
    def http_error(error):
        code = (error.name or "error").lower().replace(" ", "_")
        response = make_response(error_response(error.code, code, error.description))
        # What the error itself says in headers (Allow of a 405, Retry-After of a 503).
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.before_request
    def refuse_long_urls():
        if len(request.full_path) > MAX_URL_CHARS:
            raise RequestURITooLarge(f"the address is longer than {MAX_URL_CHARS:,} characters")
