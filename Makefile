# Portico: `make portal` builds the example portal, `make test` runs every test.
SWIFT ?= swift
DATE ?=
PORTICO = .build/debug/portico

.PHONY: portal test build deps theme lint format bench check-site fuzz clean identity architecture docs

## Install the system libraries Portico links against, when pkg-config cannot find them, and strace for the tests.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "Installing libcmark-gfm-dev and libcmark-gfm-extensions-dev with apt-get"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev >/dev/null; \
	fi
	@if ! pkg-config --exists libxml-2.0 2>/dev/null; then \
		echo "Installing libxml2-dev (its HTML parser reads raw HTML in Markdown) with apt-get"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq pkg-config libxml2-dev >/dev/null; \
	fi
	@if ! command -v strace >/dev/null 2>&1; then \
		echo "Installing strace (SecretFileTests watches how the secret file is made) with apt-get"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq strace >/dev/null; \
	fi

build: deps
	$(SWIFT) build

## Build the example program in content/ into site/.
portal: build
	$(PORTICO) build $(if $(DATE),--date $(DATE))
	@echo "Open $$(pwd)/site/index.html"

## Regenerate the built-in copy of templates/ after changing the default theme.
theme:
	python3 scripts/embed-theme.py

## Record what the example and the fixtures build to (Tests/Fixtures/identity), after a change
## that means to alter the output; OutputIdentityTests compares every later build with it.
identity: build
	PORTICO_RECORD_IDENTITY=1 $(SWIFT) test --filter OutputIdentityTests

## Rewrite the reference part of docs/templates.md from the context types (Sources/PorticoSite/Context);
## TemplateReferenceTests fails while the committed file differs.
docs: build
	PORTICO_WRITE_DOCS=1 $(SWIFT) test --filter TemplateReferenceTests

## The targets' dependencies are the ones docs/architecture.md draws (scripts/check-architecture).
architecture:
	scripts/check-architecture

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format format -i -r Sources Tests

## The whole test suite: formatting, unit and end-to-end tests, the site gates, the fuzzer.
test: deps lint architecture
	$(SWIFT) build --explicit-target-dependency-import-check error
	$(SWIFT) test
	$(MAKE) check-site

## Build the example portal and run the independent checkers over it (scripts/check-site,
## which opens the private pages with a team member's key),
## submit the referral and deal-registration forms in Chromium (scripts/check-referral-forms,
## which reuses check-site's browser and venv), open private pages with personal links
## (scripts/check-private-portal), check the monthly briefs' feed, calendars and emails and
## deliver them through msmtp to a local SMTP sink (scripts/check-briefs), prove each checker
## search the portal in Chromium with and without a key (scripts/check-search), compare the
## partner scorecard with an independent count of the CRM's exports (scripts/check-scorecard), prove each checker
## still fails on a deliberately broken site, then fuzz the content loader.
check-site: build
	$(PORTICO) build
	scripts/check-site site --screenshots site-screenshots \
		--key "$$($(PORTICO) links --json | python3 scripts/team-key.py)"
	scripts/check-referral-forms $(PORTICO)
	scripts/check-private-portal $(PORTICO)
	scripts/check-briefs $(PORTICO)
	scripts/check-search $(PORTICO)
	scripts/check-serve $(PORTICO)
	scripts/check-scorecard $(PORTICO)
	scripts/check-site-selftest
	$(MAKE) fuzz

## Fuzz the content loader with libFuzzer for FUZZ_SECONDS (scripts/fuzz).
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

bench: deps
	$(SWIFT) build -c release
	python3 Benchmarks/run.py

clean:
	rm -rf .build .build-fuzz site site-screenshots
