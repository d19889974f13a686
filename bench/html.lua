-- wrk script: ask for HTML like a browser does.
wrk.headers["Accept"] = "text/html"
