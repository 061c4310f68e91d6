#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <ctype.h>

#define MAXW 10000
#define L 64

struct rec {
    char s[L];
    long n;
};

struct rec recs[MAXW];
long used = 0;

static int order(const void *a, const void *b)
{
    const struct rec *p = a;
    const struct rec *q = b;
    if (p->n == q->n)
        return strcmp(p->s, q->s);
    return (int)(q->n - p->n);
}

static int find(const char *s)
{
    int i;
    for (i = 0; i < used; ++i)
        if (!strcmp(recs[i].s, s))
            return i;
    return -1;
}

static int get_token(char *dst)
{
    int len = 0, ch = getchar();
    while (ch != EOF && !isalpha(ch))
        ch = getchar();
    if (ch == EOF)
        return 0;
    for (; ch != EOF && (isalpha(ch) || ch == '\''); ch = getchar()) {
        if (len >= L - 1)
            continue;
        dst[len] = (char)tolower(ch);
        len = len + 1;
    }
    dst[len] = 0;
    return len > 0;
}

static void add(const char *s)
{
    int at = find(s);
    if (at < 0) {
        if (used >= MAXW)
            return;
        strncpy(recs[used].s, s, L - 1);
        recs[used].s[L - 1] = 0;
        recs[used].n = 1;
        used = used + 1;
    } else {
        recs[at].n += 1;
    }
}

int main(void)
{
    int top = 0;
    char w[L];
    long total = 0; /* total words read, not printed */
    if (scanf("%d", &top) != 1) {
        puts("bad input");
        return 1;
    }
    while (get_token(w)) {
        add(w);
        total++;
    }
    qsort(recs, used, sizeof recs[0], order);
    for (int i = 0; i < used; ++i) {
        if (i >= top)
            break;
        printf("%s %ld\n", recs[i].s, recs[i].n);
    }
    printf("# distinct: %ld\n", used);
    return 0;
}
