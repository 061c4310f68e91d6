#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAX_WORDS 10000
#define MAX_LEN 64

typedef struct {
    char text[MAX_LEN];
    int count;
} Entry;

static Entry entries[MAX_WORDS];
static int entryCount = 0;

/* Returns the index of word in the table, or -1. */
int findWord(const char *word) {
    for (int i = 0; i < entryCount; i++) {
        if (strcmp(entries[i].text, word) == 0) {
            return i;
        }
    }
    return -1;
}

void addWord(const char *word) {
    int idx = findWord(word);
    if (idx >= 0) {
        entries[idx].count++;
        return;
    }
    if (entryCount < MAX_WORDS) {
        strncpy(entries[entryCount].text, word, MAX_LEN - 1);
        entries[entryCount].text[MAX_LEN - 1] = '\0';
        entries[entryCount].count = 1;
        entryCount++;
    }
}

int compareEntries(const void *a, const void *b) {
    const Entry *x = (const Entry *)a;
    const Entry *y = (const Entry *)b;
    if (x->count != y->count) {
        return y->count - x->count;
    }
    return strcmp(x->text, y->text);
}

int readWord(char *buffer) {
    int c;
    int len = 0;
    while ((c = getchar()) != EOF && !isalpha(c)) {
    }
    if (c == EOF) {
        return 0;
    }
    while (c != EOF && (isalpha(c) || c == '\'')) {
        if (len < MAX_LEN - 1) {
            buffer[len++] = (char)tolower(c);
        }
        c = getchar();
    }
    buffer[len] = '\0';
    return len > 0;
}

int main(void) {
    int topN;
    if (scanf("%d", &topN) != 1) {
        printf("bad input // expected a number\n");
        return 1;
    }
    char word[MAX_LEN];
    while (readWord(word)) {
        addWord(word);
    }
    qsort(entries, entryCount, sizeof(Entry), compareEntries);
    for (int i = 0; i < topN && i < entryCount; i++) {
        printf("%s %d\n", entries[i].text, entries[i].count);
    }
    printf("# distinct: %d\n", entryCount);
    return 0;
}
