#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

/* Hash table of words with chaining; then copy into an array and sort. */

struct node {
    char *word;
    long hits;
    struct node *next;
};

#define BUCKETS 4096
struct node *buckets[BUCKETS];
long distinct = 0;

unsigned hash(const char *s) {
    unsigned h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}

void count(const char *w) {
    unsigned b = hash(w);
    struct node *p;
    for (p = buckets[b]; p; p = p->next)
        if (!strcmp(p->word, w)) { p->hits += 1; return; }
    p = malloc(sizeof *p);
    p->word = strdup(w);
    p->hits = 1;
    p->next = buckets[b];
    buckets[b] = p;
    distinct += 1;
}

int by_hits(const void *a, const void *b) {
    struct node *const *x = a, *const *y = b;
    if ((*x)->hits > (*y)->hits) return -1;
    if ((*x)->hits < (*y)->hits) return 1;
    return strcmp((*x)->word, (*y)->word);
}

int main() {
    int k;
    if (scanf("%d", &k) != 1) return 1;
    char line[4096], cur[128];
    int len = 0;
    while (fgets(line, sizeof line, stdin)) {
        for (char *c = line; ; c++) {
            if (*c && (isalpha((unsigned char)*c) || *c == '\'')) {
                if (len < 127) cur[len++] = tolower((unsigned char)*c);
            } else {
                if (len) { cur[len] = 0; count(cur); len = 0; }
                if (!*c) break;
            }
        }
    }
    struct node **all = malloc(sizeof(struct node *) * (distinct + 1));
    long m = 0;
    for (int b = 0; b < BUCKETS; b++)
        for (struct node *p = buckets[b]; p; p = p->next) all[m++] = p;
    qsort(all, m, sizeof *all, by_hits);
    for (long i = 0; i < m && i < k; i++) printf("%s %ld\n", all[i]->word, all[i]->hits);
    printf("# distinct: %ld\n", distinct);
    return 0;
}
