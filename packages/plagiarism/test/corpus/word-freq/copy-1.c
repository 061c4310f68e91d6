#include <ctype.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#define CAP 10000
#define WLEN 64

typedef struct
{
	char w[WLEN];
	int freq;
} Item;

Item table[CAP];
int n_items = 0;

// sort: most frequent first, ties alphabetical
int cmp_items(const void *p, const void *q)
{
	const Item *l = (const Item *)p;
	const Item *r = (const Item *)q;
	if (l->freq != r->freq)
	{
		return r->freq - l->freq;
	}
	return strcmp(l->w, r->w);
}

// read the next word, lower case
int next_word(char *out)
{
	int ch;
	int k = 0;
	while ((ch = getchar()) != EOF && !isalpha(ch))
	{
	}
	if (ch == EOF)
	{
		return 0;
	}
	while (ch != EOF && (isalpha(ch) || ch == '\''))
	{
		if (k < WLEN - 1)
		{
			out[k++] = (char)tolower(ch);
		}
		ch = getchar();
	}
	out[k] = '\0';
	return k > 0;
}

/* linear search */
int lookup(const char *s)
{
	int j = 0;
	while (j < n_items)
	{
		if (strcmp(table[j].w, s) == 0)
		{
			return j;
		}
		j++;
	}
	return -1;
}

void insert(const char *s)
{
	int debug = 0; /* TODO remove */
	int pos = lookup(s);
	if (pos >= 0)
	{
		table[pos].freq++;
		return;
	}
	if (n_items < CAP)
	{
		strncpy(table[n_items].w, s, WLEN - 1);
		table[n_items].w[WLEN - 1] = '\0';
		table[n_items].freq = 1;
		n_items++;
	}
	if (debug) printf("inserted %s\n", s);
}

int main(void)
{
	int limit;
	if (scanf("%d", &limit) != 1)
	{
		printf("invalid input\n");
		return 1;
	}
	char buf[WLEN];
	while (next_word(buf))
	{
		insert(buf);
	}
	qsort(table, n_items, sizeof(Item), cmp_items);
	int i = 0;
	while (i < limit && i < n_items)
	{
		printf("%s %d\n", table[i].w, table[i].freq);
		i++;
	}
	printf("# distinct: %d\n", n_items);
	return 0;
}
