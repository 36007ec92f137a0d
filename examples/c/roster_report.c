/*
 * roster_report: the kind of program a provincial system written in C runs. It reads a
 * roster CSV (one row per member; made-up people on real Ninh Thuận units, see
 * roster.csv), checks every team's Zalo group name with cncd_name_check, validates the
 * whole roster with cncd_call("roster.validate"), and prints the findings in Vietnamese.
 *
 *   cc roster_report.c $(pkg-config --cflags --libs cncd) -o roster_report
 *   ./roster_report roster.csv [AS_OF]
 *
 * It exits 0 when the roster has no error-level finding, 1 when it has, 2 on a failure.
 * The CSV reader is deliberately simple: no quoted fields.
 */
#define _POSIX_C_SOURCE 200809L
#include <cncd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 11

/* A growing string. */
struct buf { char *p; size_t len, cap; };

static void put(struct buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (b->p == NULL) { perror("realloc"); exit(2); }
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }

/* A JSON string, escaped. */
static void put_json(struct buf *b, const char *s) {
    puts_(b, "\"");
    for (; *s; s++) {
        char esc[8];
        if (*s == '"' || *s == '\\') { esc[0] = '\\'; esc[1] = *s; put(b, esc, 2); }
        else if ((unsigned char)*s < 0x20) { snprintf(esc, sizeof esc, "\\u%04x", (unsigned char)*s); puts_(b, esc); }
        else put(b, s, 1);
    }
    puts_(b, "\"");
}

/* Splits a CSV line in place. */
static int split(char *line, char **f) {
    int n = 0;
    line[strcspn(line, "\r\n")] = 0;
    f[n++] = line;
    for (char *c = line; *c && n < MAX_FIELDS; c++) if (*c == ',') { *c = 0; f[n++] = c + 1; }
    return n;
}

/* The value of the next "key":"…" after *at, unescaped enough for display. */
static int next_string(const char **at, const char *key, char *out, size_t cap) {
    char pat[32];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *p = strstr(*at, pat);
    if (p == NULL) return 0;
    p += strlen(pat);
    size_t n = 0;
    while (*p && *p != '"' && n + 1 < cap) {
        if (*p == '\\' && p[1]) p++;
        out[n++] = *p++;
    }
    out[n] = 0;
    *at = p;
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s ROSTER.csv [AS_OF]\n", argv[0]); return 2; }
    const char *as_of = argc > 2 ? argv[2] : "2022-12-31";
    FILE *f = fopen(argv[1], "r");
    if (f == NULL) { perror(argv[1]); return 2; }

    const cncd_registry *reg = NULL;
    cncd_result rc = cncd_registry_builtin("ninh-thuan-2022", strlen("ninh-thuan-2022"), &reg);
    if (rc != CNCD_OK) { fprintf(stderr, "registry: error %u\n", rc); return 2; }

    struct buf req = {0};
    puts_(&req, "{\"registry\": \"ninh-thuan-2022\", \"as_of\": ");
    put_json(&req, as_of);
    puts_(&req, ", \"roster\": {\"teams\": [");
    char line[4096], last_team[256] = "";
    int teams = 0, members = 0, row = 1;
    char *fld[MAX_FIELDS];
    if (fgets(line, sizeof line, f) == NULL) { fprintf(stderr, "empty file\n"); return 2; } /* header */
    while (fgets(line, sizeof line, f) != NULL) {
        row++;
        if (split(line, fld) != MAX_FIELDS) { fprintf(stderr, "row %d: %d fields expected\n", row, MAX_FIELDS); continue; }
        if (strcmp(fld[0], last_team) != 0) {
            if (teams > 0) puts_(&req, "]}, ");
            snprintf(last_team, sizeof last_team, "%s", fld[0]);
            teams++;
            puts_(&req, "{\"id\": "); put_json(&req, fld[0]);
            puts_(&req, ", \"level\": "); put_json(&req, fld[1]);
            puts_(&req, ", \"commune\": "); put_json(&req, fld[2]);
            if (fld[3][0]) { puts_(&req, ", \"village\": "); put_json(&req, fld[3]); }
            puts_(&req, ", \"zalo_group\": "); put_json(&req, fld[4]);
            puts_(&req, ", \"decision\": {\"number\": "); put_json(&req, fld[5]);
            puts_(&req, ", \"date\": "); put_json(&req, fld[6]);
            puts_(&req, "}, \"members\": [");

            /* The group name, checked on its own: the hot call. */
            cncd_name_status st;
            char *canonical = NULL;
            if (cncd_name_check(reg, NULL, fld[4], strlen(fld[4]), &st, &canonical, NULL) == CNCD_OK) {
                if (st == CNCD_NAME_OK) printf("[%s] nhóm Zalo đúng chuẩn: %s\n", fld[0], fld[4]);
                else if (st == CNCD_NAME_FIXABLE) printf("[%s] nhóm Zalo \"%s\" nên đổi thành \"%s\"\n", fld[0], fld[4], canonical);
                else printf("[%s] nhóm Zalo \"%s\" không khớp đơn vị nào\n", fld[0], fld[4]);
                cncd_string_free(canonical);
            }
        } else {
            puts_(&req, ", ");
        }
        members++;
        puts_(&req, "{\"name\": "); put_json(&req, fld[7]);
        puts_(&req, ", \"roles\": [");
        int first = 1;
        for (char *r = strtok(fld[8], ";"); r != NULL; r = strtok(NULL, ";")) {
            if (!first) puts_(&req, ", ");
            put_json(&req, r);
            first = 0;
        }
        puts_(&req, "]");
        if (fld[9][0]) { puts_(&req, ", \"birth_date\": "); put_json(&req, fld[9]); }
        if (fld[10][0]) { puts_(&req, ", \"phone\": "); put_json(&req, fld[10]); }
        puts_(&req, "}");
    }
    fclose(f);
    if (teams > 0) puts_(&req, "]}");
    puts_(&req, "]}}");

    char *resp = NULL;
    rc = cncd_call("roster.validate", req.p, req.len, &resp);
    free(req.p);
    if (rc != CNCD_OK || strncmp(resp, "{\"ok\":", 6) != 0) {
        fprintf(stderr, "roster.validate failed (%u): %s\n", rc, resp ? resp : "");
        cncd_string_free(resp);
        cncd_registry_free(reg);
        return 2;
    }
    printf("\n%d tổ, %d thành viên. Các phát hiện:\n", teams, members);
    const char *at = resp;
    char rule[64], severity[16], path[256], vi[1024];
    int errors = 0, shown = 0;
    while (next_string(&at, "rule", rule, sizeof rule) && next_string(&at, "severity", severity, sizeof severity)
           && next_string(&at, "path", path, sizeof path) && next_string(&at, "vi", vi, sizeof vi)) {
        errors += strcmp(severity, "error") == 0;
        if (shown++ < 20) printf("  %-7s %-16s %-28s %s\n", severity, rule, path, vi);
    }
    if (shown > 20) printf("  … và %d phát hiện khác\n", shown - 20);
    printf("%s\n", errors == 0 ? "Không có lỗi." : "Có lỗi cần sửa.");
    cncd_string_free(resp);
    cncd_registry_free(reg);
    return errors == 0 ? 0 : 1;
}
