"""The web app: the search page and its JSON twin.

    create_app(settings=None, backend=None)

Settings come from the environment (indexer.settings) unless given; the
search backend is opened from the settings unless given.
"""

from flask import Flask

from indexer.actors import current
from indexer.search import open_backend
from indexer.settings import Settings

from . import api, errors, pages
from .safety import add_security_headers, web_link
from .shedding import limit_in_flight


def create_app(settings=None, backend=None):
    app = Flask(__name__)
    app.config["BAHTH_SETTINGS"] = settings or Settings.from_env()
    app.logger.setLevel(app.config["BAHTH_SETTINGS"].logging_level)
    app.config["BAHTH_BACKEND"] = backend or open_backend(app.config["BAHTH_SETTINGS"])
    # A broken gazetteer stops the app here, with the file, line and field.
    app.config["BAHTH_GAZETTEER"] = current(app.config["BAHTH_SETTINGS"].actors_file)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    limit_in_flight(app, app.config["BAHTH_SETTINGS"].max_in_flight)
    app.jinja_env.tests["web_link"] = web_link
    app.after_request(add_security_headers)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(api.blueprint, url_prefix="/api")
    errors.register(app)
    return app
