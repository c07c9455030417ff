// libpq, PostgreSQL's own C client (Debian: libpq-dev). See docs/DECISIONS.md on why not postgres-nio.
#include <postgresql/libpq-fe.h>
