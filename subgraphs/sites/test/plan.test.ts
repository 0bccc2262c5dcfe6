import { normalizePlan } from '../src/jobs/plan';

const wanted = { pages: 3, images: 2, title: 'Untitled' };

test('the model’s page and image names become safe, distinct file names, index.html first', () => {
  const plan = normalizePlan(
    {
      title: 'Green Leaf',
      description: 'Yoga.',
      pages: [
        { path: 'home.html', title: 'Home', purpose: 'Welcome' },
        { path: '../../etc/passwd', title: 'Escape', purpose: '' },
        { path: 'index.html', title: 'Again', purpose: '' },
        { path: 'About Us.HTML', title: 'About', purpose: '' },
      ],
      images: [
        { path: '../../x.png', prompt: 'A mat', alt: 'Mat' },
        { path: 'x.png', prompt: 'Another mat', alt: 'Mat 2' },
        { path: 'y.png', prompt: 'One too many', alt: '' },
      ],
    },
    wanted,
  );
  expect(plan.pages.map((page) => page.path)).toEqual(['index.html', 'passwd.html', 'page.html']);
  expect(plan.images.map((image) => image.path)).toEqual(['images/x.png', 'images/x-2.png']);
  expect(plan.title).toBe('Green Leaf');
});

test('an answer of the wrong shape still gives a home page, and no images when none were asked', () => {
  expect(normalizePlan('nonsense', wanted)).toEqual({
    title: 'Untitled',
    description: '',
    pages: [{ path: 'index.html', title: 'Home', purpose: '' }],
    images: [],
  });
  const plan = normalizePlan(
    { pages: [{}], images: [{ path: 'a.png', prompt: 'A' }] },
    { ...wanted, images: 0 },
  );
  expect(plan.images).toEqual([]);
  expect(normalizePlan({ images: [{ path: 'a.png', prompt: ' ' }] }, wanted).images).toEqual([]);
});

test('names and texts are bounded', () => {
  const plan = normalizePlan(
    {
      title: 'T'.repeat(500),
      pages: [{ title: 'H'.repeat(500), purpose: 'P'.repeat(5000) }, { path: 'a'.repeat(200) }],
    },
    wanted,
  );
  expect(plan.title).toHaveLength(120);
  expect(plan.pages[0]!.title).toHaveLength(120);
  expect(plan.pages[0]!.purpose).toHaveLength(500);
  expect(plan.pages[1]!.path).toBe(`${'a'.repeat(40)}.html`);
});
