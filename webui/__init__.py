"""The web app: the search page and its JSON twin.

    create_app(settings=None, backend=None)

Settings come from the environment (indexer.settings) unless given; the
search backend is opened from the settings unless given. Views read them
through webui.search (settings(), backend(), gazetteer()).
"""

from flask import Flask

from indexer import embeddings
from indexer.actors import configured
from indexer.search import open_backend
from indexer.settings import Settings

from . import access, api, errors, metrics, pages
from .safety import add_security_headers, shown, web_link
from .search import AppState
from .shedding import limit_in_flight


def create_app(settings=None, backend=None):
    settings = settings or Settings.from_env()
    embeddings.choose(settings.embeddings_model)  # the model a query is embedded by
    app = Flask(__name__)
    app.logger.setLevel(settings.logging_level)
    # A broken gazetteer stops the app here, with the file, line and field.
    app.extensions["bahth"] = AppState(
        settings, metrics.Timed(backend or open_backend(settings)), configured(settings)
    )
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    metrics.install(app, log_requests=settings.log_format == "json")
    access.install(app, settings)  # an account first: a request without one takes no place
    limit_in_flight(app, settings.max_in_flight, settings.queue_seconds)
    app.jinja_env.tests["web_link"] = web_link
    app.jinja_env.finalize = shown  # no control character of an archive reaches a page or feed
    app.after_request(add_security_headers)
    app.register_error_handler(access.TooManyAttempts, access.too_many)
    app.context_processor(access.template_values)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(api.blueprint, url_prefix="/api")
    errors.register(app)
    return app
