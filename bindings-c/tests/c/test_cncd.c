/*
 * The C API of libcncd, tested from C: every function, every error path, the
 * conformance vectors through cncd_call, and 8 threads sharing one registry.
 *
 *   test_cncd VECTORS_FILE DATA_DIR      run everything
 *   test_cncd --asan-selftest            overflow a heap buffer on purpose (proves that
 *                                        AddressSanitizer is linked in a sanitizer build)
 *
 * Built with -std=c99 -Wall -Wextra -Werror -pedantic against the shared and the static
 * library by bindings-c/scripts/test.sh. Made-up names only where the official lists
 * have none.
 */
#define _POSIX_C_SOURCE 200809L
#include "cncd.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        checks++;                                                                \
        if (!(cond)) {                                                           \
            failures++;                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                        \
    } while (0)

#define S(lit) (lit), (sizeof(lit) - 1)

static int eq(const char *a, const char *b) { return a != NULL && b != NULL && strcmp(a, b) == 0; }

/* ------------------------------------------------------------------ version, messages */
static void test_version_and_messages(void) {
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", CNCD_VERSION_MAJOR, CNCD_VERSION_MINOR, CNCD_VERSION_PATCH);
    CHECK(eq(cncd_version(), expected));
    CHECK(CNCD_CONTRACT_VERSION == 1);

    char buf[256];
    size_t len = 0;
    CHECK(cncd_result_message(CNCD_OK, buf, sizeof buf, &len) == CNCD_OK);
    CHECK(len == strlen(buf) && strstr(buf, "success") != NULL);
    CHECK(cncd_result_message(CNCD_TOO_LARGE, buf, sizeof buf, &len) == CNCD_OK && strstr(buf, "limit") != NULL);
    CHECK(cncd_result_message(12345, buf, sizeof buf, &len) == CNCD_OK && strstr(buf, "unknown") != NULL);
    /* Too small: nothing written, the length needed told. */
    char small[4] = {'x', 'x', 'x', 0};
    CHECK(cncd_result_message(CNCD_PANIC, small, sizeof small, &len) == CNCD_INSUFFICIENT_BUFFER);
    CHECK(len > 4 && eq(small, "xxx"));
    CHECK(cncd_result_message(CNCD_PANIC, NULL, 0, &len) == CNCD_INSUFFICIENT_BUFFER);
    CHECK(cncd_result_message(CNCD_OK, buf, sizeof buf, NULL) == CNCD_NULL_POINTER);
    /* Every code has a distinct message. */
    for (cncd_result a = 0; a <= CNCD_UNKNOWN_UNIT; a++) {
        char ma[256], mb[256];
        CHECK(cncd_result_message(a, ma, sizeof ma, &len) == CNCD_OK);
        for (cncd_result b = a + 1; b <= CNCD_UNKNOWN_UNIT; b++) {
            CHECK(cncd_result_message(b, mb, sizeof mb, &len) == CNCD_OK);
            CHECK(strcmp(ma, mb) != 0);
        }
    }
}

/* ------------------------------------------------------------------ text */
typedef cncd_result (*text_fn)(const char *, size_t, char **, size_t *);

static void expect_text(text_fn f, const char *in, size_t in_len, const char *want) {
    char *out = NULL;
    size_t len = 0;
    CHECK(f(in, in_len, &out, &len) == CNCD_OK);
    CHECK(eq(out, want) && len == strlen(want));
    if (!eq(out, want)) fprintf(stderr, "  got \"%s\", want \"%s\"\n", out ? out : "(null)", want);
    cncd_string_free(out);
}

static void test_text(void) {
    expect_text(cncd_text_clean, S("  X\xc3\xa3  C\xc3\xb2  N\xc3\xb2i "), "X\xc3\xa3 C\xc3\xb2 N\xc3\xb2i"); /* "Xã  Cò  Nòi" */
    expect_text(cncd_text_name_key, S("X\xc3\xa3 Ho\xc3\xa0 Thu\xe1\xba\xadn"), "x\xc3\xa3 h\xc3\xb2" "a thu\xe1\xba\xadn"); /* Hoà -> hòa */
    expect_text(cncd_text_ascii_key, S("Ph\xc6\xb0\xe1\xbb\x9dng \xc4\x90\xc3\xb4 Vinh"), "phuong do vinh");
    /* NFD input (a phone keyboard): the same key as NFC. */
    expect_text(cncd_text_ascii_key, S("Phu\xcc\x9bo\xcc\x9b\xcc\x81" "c Ha\xcc\x80"), "phuoc ha");
    expect_text(cncd_text_clean, NULL, 0, "");

    text_fn fns[3] = {cncd_text_clean, cncd_text_name_key, cncd_text_ascii_key};
    for (int i = 0; i < 3; i++) {
        char *out = (char *)0x1; /* must stay untouched on failure */
        size_t len = 77;
        CHECK(fns[i](S("abc"), NULL, &len) == CNCD_NULL_POINTER);
        CHECK(fns[i](NULL, 3, &out, &len) == CNCD_NULL_POINTER);
        CHECK(fns[i](S("\xff\xfe"), &out, &len) == CNCD_INVALID_UTF8);
        /* A length past the limit is refused before a byte is read. */
        CHECK(fns[i]("x", (size_t)100 * 1024 * 1024, &out, &len) == CNCD_TOO_LARGE);
        CHECK(out == (char *)0x1 && len == 77);
        /* out_len may be NULL. */
        char *ok = NULL;
        CHECK(fns[i](S("Ninh Thu\xe1\xba\xadn"), &ok, NULL) == CNCD_OK && ok != NULL);
        cncd_string_free(ok);
    }
    /* A real 100 MB input. */
    size_t big_len = (size_t)100 * 1000 * 1000;
    char *big = malloc(big_len);
    CHECK(big != NULL);
    if (big != NULL) {
        memset(big, 'a', big_len);
        char *out = NULL;
        CHECK(cncd_text_clean(big, big_len, &out, NULL) == CNCD_TOO_LARGE && out == NULL);
        CHECK(cncd_call("text.clean", big, big_len, &out) == CNCD_TOO_LARGE && out == NULL);
        free(big);
    }
    /* An interior U+0000 comes back whole: the length tells. */
    char *out = NULL;
    size_t len = 0;
    CHECK(cncd_text_clean("a\0b", 3, &out, &len) == CNCD_OK);
    CHECK(out != NULL && len >= 1);
    cncd_string_free(out);
    cncd_string_free(NULL);
}

/* ------------------------------------------------------------------ handles */
static char *read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        buf[n] = 0;
        *len_out = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

static void test_handles(const char *data_dir) {
    const cncd_registry *reg = NULL;
    CHECK(cncd_registry_builtin(S("ninh-thuan-2022"), &reg) == CNCD_OK && reg != NULL);
    cncd_registry_free(reg);
    reg = (const cncd_registry *)0x1;
    CHECK(cncd_registry_builtin(S("ninh-thuan-2019"), &reg) == CNCD_UNKNOWN_REGISTRY && reg == (const cncd_registry *)0x1);
    CHECK(cncd_registry_builtin(S("ninh-thuan-2022"), NULL) == CNCD_NULL_POINTER);
    CHECK(cncd_registry_builtin(NULL, 5, &reg) == CNCD_NULL_POINTER);
    CHECK(cncd_registry_builtin(S("\xc0"), &reg) == CNCD_INVALID_UTF8);
    cncd_registry_free(NULL);

    /* CSV: a real two-tier row; then a duplicate code, whose message names the line. */
    const char csv[] = "province_code,province_name,commune_code,commune_name\n"
                       "56,T\xe1\xbb\x89nh Kh\xc3\xa1nh H\xc3\xb2" "a,22900,X\xc3\xa3 Ph\xc6\xb0\xe1\xbb\x9b" "c H\xc3\xa0\n";
    reg = NULL;
    CHECK(cncd_registry_from_csv(S("mine"), S(csv), &reg, NULL) == CNCD_OK && reg != NULL);
    char *name = NULL;
    CHECK(cncd_name_format(reg, NULL, S("22900"), NULL, 0, &name, NULL) == CNCD_OK);
    cncd_string_free(name);
    cncd_registry_free(reg);
    const char dup[] = "province_code,province_name,commune_code,commune_name\n56,T\xe1\xbb\x89nh A,1,X\xc3\xa3 B\n56,T\xe1\xbb\x89nh A,1,X\xc3\xa3 C\n";
    char *err = NULL;
    reg = NULL;
    CHECK(cncd_registry_from_csv(S("mine"), S(dup), &reg, &err) == CNCD_INVALID_DATA && reg == NULL);
    CHECK(err != NULL && strstr(err, "3") != NULL);
    cncd_string_free(err);
    CHECK(cncd_registry_from_csv(S("mine"), S(dup), &reg, NULL) == CNCD_INVALID_DATA);
    CHECK(cncd_registry_from_csv(S("mine"), "x", (size_t)100 * 1024 * 1024, &reg, NULL) == CNCD_TOO_LARGE);
    CHECK(cncd_registry_from_csv(S("mine"), S(csv), NULL, NULL) == CNCD_NULL_POINTER);

    const char json[] = "{\"name\": \"x\", \"tiers\": 2, \"provinces\": [{\"code\": \"56\", \"name\": \"T\xe1\xbb\x89nh Kh\xc3\xa1nh H\xc3\xb2" "a\"}],"
                        " \"communes\": [{\"code\": \"22900\", \"province\": \"56\", \"name\": \"X\xc3\xa3 Ph\xc6\xb0\xe1\xbb\x9b" "c H\xc3\xa0\"}]}";
    CHECK(cncd_registry_from_json(S(json), &reg, NULL) == CNCD_OK);
    cncd_registry_free(reg);
    err = NULL;
    CHECK(cncd_registry_from_json(S("{\"tiers\": \"3\"}"), &reg, &err) == CNCD_INVALID_DATA && err != NULL);
    cncd_string_free(err);
    CHECK(cncd_registry_from_json(S("{"), &reg, NULL) == CNCD_INVALID_DATA);
    CHECK(cncd_registry_from_json(S(json), NULL, NULL) == CNCD_NULL_POINTER);

    const cncd_profile *p = NULL;
    CHECK(cncd_profile_builtin(S("two-tier-2025"), &p) == CNCD_OK && p != NULL);
    cncd_profile_free(p);
    CHECK(cncd_profile_builtin(S("hue"), &p) == CNCD_UNKNOWN_PROFILE);
    CHECK(cncd_profile_builtin(S("hue"), NULL) == CNCD_NULL_POINTER);
    cncd_profile_free(NULL);
    err = NULL;
    CHECK(cncd_profile_from_json(S("{\"name\": \"x\", \"team\": {}}"), &p, &err) == CNCD_INVALID_DATA);
    CHECK(err != NULL && strstr(err, "team") != NULL);
    cncd_string_free(err);
    err = NULL;
    CHECK(cncd_profile_from_toml(S("name = ["), &p, &err) == CNCD_INVALID_DATA && err != NULL);
    cncd_string_free(err);
    CHECK(cncd_profile_from_toml(S("name = \"x\""), NULL, NULL) == CNCD_NULL_POINTER);

    /* A whole profile, from the TOML and the JSON the library itself writes. */
    char path[1024];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/quang-tri.toml", data_dir);
    char *toml = read_file(path, &len);
    CHECK(toml != NULL);
    if (toml != NULL) {
        p = NULL;
        CHECK(cncd_profile_from_toml(toml, len, &p, NULL) == CNCD_OK && p != NULL);
        cncd_profile_free(p);
        free(toml);
    }
    char *resp = NULL;
    CHECK(cncd_call("profile.get", S("{\"name\": \"quang-tri\"}"), &resp) == CNCD_OK);
    const char *start = resp == NULL ? NULL : strstr(resp, "{\"ok\":{\"profile\":");
    const char *end = resp == NULL ? NULL : strstr(resp, ",\"builtin\":");
    CHECK(start != NULL && end != NULL);
    if (start != NULL && end != NULL) {
        start += strlen("{\"ok\":{\"profile\":");
        p = NULL;
        CHECK(cncd_profile_from_json(start, (size_t)(end - start), &p, NULL) == CNCD_OK && p != NULL);
        cncd_profile_free(p);
    }
    cncd_string_free(resp);
}

/* ------------------------------------------------------------------ names */
static void test_names(void) {
    const cncd_registry *reg = NULL;
    CHECK(cncd_registry_builtin(S("ninh-thuan-2022"), &reg) == CNCD_OK);
    cncd_name_status st = CNCD_NAME_INVALID;
    char *canonical = NULL, *json = NULL;

    /* "CNCĐ_Phước Hà_Thuận Nam": the canonical name. */
    const char ok_name[] = "CNC\xc4\x90_Ph\xc6\xb0\xe1\xbb\x9b" "c H\xc3\xa0_Thu\xe1\xba\xadn Nam";
    CHECK(cncd_name_check(reg, NULL, S(ok_name), &st, &canonical, &json) == CNCD_OK);
    CHECK(st == CNCD_NAME_OK && eq(canonical, ok_name));
    CHECK(json != NULL && strstr(json, "\"status\":\"ok\"") != NULL && strstr(json, "\"commune\":\"22885\"") != NULL);
    cncd_string_free(canonical);
    cncd_string_free(json);

    /* Typed without diacritics: fixable, and the canonical name is offered. */
    CHECK(cncd_name_check(reg, NULL, S("CNCD_Phuoc Ha_Thuan Nam"), &st, &canonical, NULL) == CNCD_OK);
    CHECK(st == CNCD_NAME_FIXABLE && eq(canonical, ok_name));
    cncd_string_free(canonical);

    /* Names no unit: invalid, canonical NULL. */
    canonical = (char *)0x1;
    CHECK(cncd_name_check(reg, NULL, S("Nh\xc3\xb3m Zalo th\xc3\xb4n"), &st, &canonical, NULL) == CNCD_OK);
    CHECK(st == CNCD_NAME_INVALID && canonical == NULL);
    /* Status only. */
    CHECK(cncd_name_check(reg, NULL, S(ok_name), &st, NULL, NULL) == CNCD_OK && st == CNCD_NAME_OK);

    /* Errors write nothing. */
    st = (cncd_name_status)7;
    CHECK(cncd_name_check(NULL, NULL, S(ok_name), &st, NULL, NULL) == CNCD_NULL_POINTER && st == (cncd_name_status)7);
    CHECK(cncd_name_check(reg, NULL, S(ok_name), NULL, NULL, NULL) == CNCD_NULL_POINTER);
    CHECK(cncd_name_check(reg, NULL, NULL, 4, &st, NULL, NULL) == CNCD_NULL_POINTER);
    CHECK(cncd_name_check(reg, NULL, S("CNCD_\xff"), &st, NULL, NULL) == CNCD_INVALID_UTF8);
    char long_name[CNCD_MAX_NAME_BYTES + 2];
    memset(long_name, 'a', sizeof long_name);
    CHECK(cncd_name_check(reg, NULL, long_name, sizeof long_name, &st, NULL, NULL) == CNCD_TOO_LARGE && st == (cncd_name_status)7);

    /* Format, with and without a village. */
    char *name = NULL;
    size_t len = 0;
    CHECK(cncd_name_format(reg, NULL, S("22885"), S("Th\xc3\xb4n Ph\xc6\xb0\xe1\xbb\x9b" "c L\xe1\xbb\xa3i"), &name, &len) == CNCD_OK);
    CHECK(eq(name, "CNC\xc4\x90_Th\xc3\xb4n Ph\xc6\xb0\xe1\xbb\x9b" "c L\xe1\xbb\xa3i_Ph\xc6\xb0\xe1\xbb\x9b" "c H\xc3\xa0_Thu\xe1\xba\xadn Nam") && len == strlen(name));
    cncd_string_free(name);
    CHECK(cncd_name_format(reg, NULL, S("22885"), NULL, 0, &name, NULL) == CNCD_OK && eq(name, ok_name));
    cncd_string_free(name);
    CHECK(cncd_name_format(reg, NULL, S("00000"), NULL, 0, &name, NULL) == CNCD_UNKNOWN_UNIT);
    CHECK(cncd_name_format(reg, NULL, S("22885"), NULL, 0, NULL, NULL) == CNCD_NULL_POINTER);
    CHECK(cncd_name_format(NULL, NULL, S("22885"), NULL, 0, &name, NULL) == CNCD_NULL_POINTER);
    cncd_registry_free(reg);

    /* The two-tier profile on the 2025 list names the province last. */
    const cncd_profile *two = NULL;
    CHECK(cncd_registry_builtin(S("vietnam-2025"), &reg) == CNCD_OK);
    CHECK(cncd_profile_builtin(S("two-tier-2025"), &two) == CNCD_OK);
    CHECK(cncd_name_format(reg, two, S("22900"), NULL, 0, &name, NULL) == CNCD_OK);
    CHECK(eq(name, "CNC\xc4\x90_Ph\xc6\xb0\xe1\xbb\x9b" "c H\xc3\xa0_Kh\xc3\xa1nh H\xc3\xb2" "a"));
    CHECK(cncd_name_check(reg, two, name, strlen(name), &st, NULL, NULL) == CNCD_OK && st == CNCD_NAME_OK);
    cncd_string_free(name);
    cncd_profile_free(two);
    cncd_registry_free(reg);
}

/* ------------------------------------------------------------------ cncd_call */
static void test_call(void) {
    char *resp = NULL;
    CHECK(cncd_call("version", NULL, 0, &resp) == CNCD_OK && strstr(resp, "\"contract\":1") != NULL);
    cncd_string_free(resp);
    CHECK(cncd_call("text.clean", S("{\"text\": 42}"), &resp) == CNCD_OK);
    CHECK(strstr(resp, "\"code\":\"bad_request\"") != NULL && strstr(resp, "\"path\":\"/text\"") != NULL);
    cncd_string_free(resp);
    CHECK(cncd_call("no.such.op", S("{}"), &resp) == CNCD_OK && strstr(resp, "unknown_op") != NULL);
    cncd_string_free(resp);
    resp = (char *)0x1;
    CHECK(cncd_call(NULL, S("{}"), &resp) == CNCD_NULL_POINTER && resp == (char *)0x1);
    CHECK(cncd_call("version", S("{}"), NULL) == CNCD_NULL_POINTER);
    CHECK(cncd_call("version", NULL, 2, &resp) == CNCD_NULL_POINTER);
    CHECK(cncd_call("\xff", S("{}"), &resp) == CNCD_INVALID_UTF8);
    CHECK(cncd_call("text.clean", S("{\"text\": \"\xff\"}"), &resp) == CNCD_INVALID_UTF8 && resp == (char *)0x1);
}

/* ------------------------------------------------------------------ vectors */
static int read_line(FILE *f, char *buf, size_t cap) {
    if (fgets(buf, (int)cap, f) == NULL) return 0;
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n') buf[n - 1] = 0;
    return 1;
}

static char *read_block(FILE *f, size_t *len) {
    char line[64];
    if (!read_line(f, line, sizeof line)) return NULL;
    *len = (size_t)strtoull(line, NULL, 10);
    char *buf = malloc(*len + 1);
    if (buf == NULL || fread(buf, 1, *len + 1, f) != *len + 1) { /* the bytes and their newline */
        free(buf);
        return NULL;
    }
    buf[*len] = 0;
    return buf;
}

static void test_vectors(const char *path) {
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f == NULL) return;
    char name[4096], op[256];
    int passed = 0, failed = 0;
    while (read_line(f, name, sizeof name) && read_line(f, op, sizeof op)) {
        size_t req_len = 0, want_len = 0;
        char *req = read_block(f, &req_len);
        char *want = read_block(f, &want_len);
        CHECK(req != NULL && want != NULL);
        char *got = NULL;
        cncd_result rc = cncd_call(op, req, req_len, &got);
        if (rc == CNCD_OK && got != NULL && strlen(got) == want_len && memcmp(got, want, want_len) == 0) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "vector %s (%s): rc %u\n  want %s\n  got  %s\n", name, op, rc, want, got ? got : "(null)");
        }
        cncd_string_free(got);
        free(req);
        free(want);
    }
    fclose(f);
    printf("vectors through cncd_call: %d passed, %d failed\n", passed, failed);
    CHECK(failed == 0 && passed >= 300);
}

/* ------------------------------------------------------------------ threads */
#define THREADS 8
#define NAMES 6
static const char *thread_names[NAMES] = {
    "CNC\xc4\x90_Ph\xc6\xb0\xe1\xbb\x9b" "c H\xc3\xa0_Thu\xe1\xba\xadn Nam",
    "CNCD_Phuoc Ha_Thuan Nam",
    "cncd_ninh hai_ninh hai",
    "CNCD _ Do Vinh _ Phan Rang-Thap Cham",
    "CNC\xc4\x90_Ph\xc6\xb0\xe1\xbb\x9b" "c H\xc3\xa0_Ninh H\xe1\xba\xa3i",
    "Nh\xc3\xb3m Zalo",
};

struct shared {
    const cncd_registry *reg;
    const cncd_profile *profile;
    cncd_name_status want_status[NAMES];
    char *want_canonical[NAMES];
    char *want_call;
    int mismatches;
    pthread_mutex_t lock;
};

static void *worker(void *arg) {
    struct shared *s = arg;
    int bad = 0;
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < NAMES; i++) {
            cncd_name_status st;
            char *canonical = NULL;
            if (cncd_name_check(s->reg, s->profile, thread_names[i], strlen(thread_names[i]), &st, &canonical, NULL) != CNCD_OK) bad++;
            if (st != s->want_status[i]) bad++;
            if ((canonical == NULL) != (s->want_canonical[i] == NULL) || (canonical != NULL && strcmp(canonical, s->want_canonical[i]) != 0)) bad++;
            cncd_string_free(canonical);
        }
        char *resp = NULL;
        if (cncd_call("names.check", S("{\"registry\": \"ninh-thuan-2022\", \"name\": \"CNCD_Phuoc Ha_Thuan Nam\"}"), &resp) != CNCD_OK) bad++;
        if (!eq(resp, s->want_call)) bad++;
        cncd_string_free(resp);
    }
    pthread_mutex_lock(&s->lock);
    s->mismatches += bad;
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

static void test_threads(void) {
    struct shared s;
    memset(&s, 0, sizeof s);
    pthread_mutex_init(&s.lock, NULL);
    CHECK(cncd_registry_builtin(S("ninh-thuan-2022"), &s.reg) == CNCD_OK);
    CHECK(cncd_profile_builtin(S("ninh-thuan-2022"), &s.profile) == CNCD_OK);
    /* The single-threaded answers first. */
    for (int i = 0; i < NAMES; i++) {
        CHECK(cncd_name_check(s.reg, s.profile, thread_names[i], strlen(thread_names[i]), &s.want_status[i], &s.want_canonical[i], NULL) == CNCD_OK);
    }
    CHECK(s.want_status[0] == CNCD_NAME_OK && s.want_status[1] == CNCD_NAME_FIXABLE && s.want_status[5] == CNCD_NAME_INVALID);
    CHECK(cncd_call("names.check", S("{\"registry\": \"ninh-thuan-2022\", \"name\": \"CNCD_Phuoc Ha_Thuan Nam\"}"), &s.want_call) == CNCD_OK);
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) CHECK(pthread_create(&t[i], NULL, worker, &s) == 0);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    printf("threads: %d threads x 50 rounds on one registry, %d mismatches\n", THREADS, s.mismatches);
    CHECK(s.mismatches == 0);
    for (int i = 0; i < NAMES; i++) cncd_string_free(s.want_canonical[i]);
    cncd_string_free(s.want_call);
    cncd_profile_free(s.profile);
    cncd_registry_free(s.reg);
    pthread_mutex_destroy(&s.lock);
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--asan-selftest") == 0) {
        volatile char *p = malloc(8);
        p[8] = 1; /* one past the end: AddressSanitizer must stop here */
        free((void *)p);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: %s VECTORS_FILE DATA_DIR | --asan-selftest\n", argv[0]);
        return 2;
    }
    test_version_and_messages();
    test_text();
    test_handles(argv[2]);
    test_names();
    test_call();
    test_vectors(argv[1]);
    test_threads();
    printf("C tests: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
