/*
 * Replays fuzz inputs of the `api` target through cncd_call, for the AddressSanitizer
 * build: each file is an operation name, a line break, then the request's bytes (any
 * bytes: the C door must answer them all). Usage: replay FILE... ; exit 0 when every
 * call returned CNCD_OK with a JSON object, or a documented result code.
 */
#include "cncd.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int replay(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 1; }
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return 1; }
    long size = ftell(f);
    rewind(f);
    char *data = malloc((size_t)size + 1);
    if (!data || fread(data, 1, (size_t)size, f) != (size_t)size) { fclose(f); free(data); return 1; }
    fclose(f);
    data[size] = '\0';

    char *newline = memchr(data, '\n', (size_t)size);
    size_t op_len = newline ? (size_t)(newline - data) : (size_t)size;
    const char *request = newline ? newline + 1 : data + size;
    size_t request_len = (size_t)size - op_len - (newline ? 1 : 0);
    /* The op is a C string: it ends at its first NUL, as a C caller's would. */
    char *op = malloc(op_len + 1);
    if (!op) { free(data); return 1; }
    memcpy(op, data, op_len);
    op[op_len] = '\0';

    char *response = NULL;
    cncd_result r = cncd_call(op, request, request_len, &response);
    int bad = 0;
    if (r == CNCD_OK) {
        bad = response == NULL || response[0] != '{';
        cncd_string_free(response);
    } else if (response != NULL) {
        bad = 1; /* not written on failure */
    }
    if (bad) fprintf(stderr, "%s: a wrong answer (result %d)\n", path, (int)r);
    free(op);
    free(data);
    return bad;
}

int main(int argc, char **argv) {
    int failed = 0;
    for (int i = 1; i < argc; i++) failed += replay(argv[i]);
    printf("replayed %d inputs through cncd_call, %d wrong\n", argc - 1, failed);
    return failed != 0;
}
